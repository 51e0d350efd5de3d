'use client';

import { useActionState } from 'react';
import { decideHeldChanges } from '@/app/admin/hr-imports/actions';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';

export interface HoldDecisionFormProps {
  kind: 'import' | 'burst';
  id: string;
  /** Names what is decided, e.g. "import run of hr-2026-11.csv". */
  subject: string;
}

/** Confirm (apply every held change) or discard (apply none, with a reason) held HR changes. */
export function HoldDecisionForm({ kind, id, subject }: HoldDecisionFormProps) {
  const [state, action] = useActionState(decideHeldChanges, initialFormState);
  return (
    <form action={action} className="form" aria-label={`Decide the ${subject}`}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field
        as="textarea"
        label="Reason"
        name="reason"
        id={`hold-reason-${id}`}
        hint="Required to discard; kept for auditors."
        rows={2}
        maxLength={2000}
        defaultValue={state.values?.reason ?? ''}
        error={state.fieldErrors?.reason}
      />
      <div className="button-row">
        <SubmitButton name="decision" value="confirm" pendingLabel="Applying…" aria-label={`Confirm and apply the ${subject}`}>
          Confirm and apply
        </SubmitButton>
        <SubmitButton name="decision" value="discard" variant="danger" pendingLabel="Discarding…" aria-label={`Discard the ${subject}`}>
          Discard
        </SubmitButton>
      </div>
    </form>
  );
}
