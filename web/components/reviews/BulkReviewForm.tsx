'use client';

import { useActionState } from 'react';
import { decideReviewItems, type BulkDecisionState } from '@/app/reviews/actions';
import { Field, SubmitButton } from '@/components/ui';
import { BULK_FORM_ID } from './bulk-form-id';
import layout from '@/components/admin/layout.module.css';

const initialState: BulkDecisionState = { status: 'idle' };

/**
 * One decision for every item whose checkbox is ticked. The checkboxes live in the table rows and join this
 * form through their `form` attribute, so each row can keep its own single-item form.
 */
export function BulkReviewForm() {
  const [state, action] = useActionState(decideReviewItems, initialState);
  const refused = state.outcomes?.filter((outcome) => !outcome.decided) ?? [];
  return (
    <form id={BULK_FORM_ID} action={action} className="form panel" aria-labelledby="bulk-review-title">
      <h2 id="bulk-review-title">Decide the selected items</h2>
      {state.message ? (
        <p
          className={`notice ${state.status === 'success' ? 'notice--success' : 'notice--error'}`}
          role={state.status === 'success' ? 'status' : 'alert'}
        >
          {state.message}
        </p>
      ) : null}
      {state.fieldErrors?.items ? (
        <p className="field__error" role="alert">
          {state.fieldErrors.items[0]}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <ul>
          {refused.map((outcome) => (
            <li key={outcome.itemId}>
              Item {outcome.itemId}: {outcome.errorMessage ?? 'refused'} {outcome.errorCode ? `(${outcome.errorCode})` : null}
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className={layout.choices}>
        <legend>Decision</legend>
        <label>
          <input type="radio" name="decision" value="KEEP" defaultChecked={state.values?.decision !== 'REVOKE'} /> Keep
        </label>
        <label>
          <input type="radio" name="decision" value="REVOKE" defaultChecked={state.values?.decision === 'REVOKE'} /> Revoke
        </label>
        {state.fieldErrors?.decision ? <p className="field__error">{state.fieldErrors.decision[0]}</p> : null}
      </fieldset>
      <Field
        as="textarea"
        label="Comment"
        name="comment"
        id="bulk-review-comment"
        hint="Required to revoke; recorded on every selected item."
        rows={2}
        maxLength={2000}
        defaultValue={state.values?.comment ?? ''}
        error={state.fieldErrors?.comment}
      />
      <SubmitButton pendingLabel="Deciding…">Apply to selected items</SubmitButton>
    </form>
  );
}
