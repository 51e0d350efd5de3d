'use client';

import { useActionState } from 'react';
import { decideReviewItem } from '@/app/reviews/actions';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';

export interface ReviewItemFormProps {
  itemId: string;
  campaignId: string;
  /** Names the item for screen readers, e.g. "Oliver Berg: github:org-member". */
  subject: string;
}

/** Keep or revoke one item; revoking needs a comment. */
export function ReviewItemForm({ itemId, campaignId, subject }: ReviewItemFormProps) {
  const [state, action] = useActionState(decideReviewItem, initialFormState);
  return (
    <form action={action} className="form" aria-label={`Decide ${subject}`}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field
        label="Comment"
        name="comment"
        id={`review-comment-${itemId}`}
        hint="Required to revoke."
        maxLength={2000}
        defaultValue={state.values?.comment ?? ''}
        error={state.fieldErrors?.comment}
      />
      <div className="button-row">
        <SubmitButton name="decision" value="KEEP" variant="secondary" pendingLabel="Saving…" aria-label={`Keep ${subject}`}>
          Keep
        </SubmitButton>
        <SubmitButton name="decision" value="REVOKE" variant="danger" pendingLabel="Saving…" aria-label={`Revoke ${subject}`}>
          Revoke
        </SubmitButton>
      </div>
    </form>
  );
}
