'use client';

import { useActionState } from 'react';
import { decideRequest } from '@/app/approvals/actions';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';

export interface DecisionFormProps {
  requestId: string;
  /** Names the request for screen readers, e.g. "Oliver Berg’s request for aws-production:viewer". */
  subject: string;
}

/** Approve or deny one request with a comment (required to deny). */
export function DecisionForm({ requestId, subject }: DecisionFormProps) {
  const [state, action] = useActionState(decideRequest, initialFormState);
  return (
    <form action={action} className="form" aria-label={`Decide ${subject}`}>
      <input type="hidden" name="requestId" value={requestId} />
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field
        as="textarea"
        label="Comment"
        name="comment"
        id={`comment-${requestId}`}
        hint="Required to deny. The requester and auditors read it."
        rows={3}
        maxLength={2000}
        defaultValue={state.values?.comment ?? ''}
        error={state.fieldErrors?.comment}
      />
      <div className="button-row">
        <SubmitButton name="decision" value="approve" pendingLabel="Approving…" aria-label={`Approve ${subject}`}>
          Approve
        </SubmitButton>
        <SubmitButton name="decision" value="deny" variant="danger" pendingLabel="Denying…" aria-label={`Deny ${subject}`}>
          Deny
        </SubmitButton>
      </div>
    </form>
  );
}
