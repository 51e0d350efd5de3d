'use client';

import { useActionState } from 'react';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';
import { eraseUnnamedRows } from './actions';
import { UNNAMED_ROWS_CONFIRMATION } from './unnamed-rows';

export interface EraseUnnamedRowsFormProps {
  runId: string;
  fileName: string;
  /** The page of runs shown (cursor), to come back to after the erasure. */
  after: string | undefined;
}

/** Erasure of an import run's rejected rows that name nobody: a legal reference, and ERASE typed to confirm. */
export function EraseUnnamedRowsForm({ runId, fileName, after }: EraseUnnamedRowsFormProps) {
  const [state, action] = useActionState(eraseUnnamedRows, initialFormState);
  return (
    <form action={action} className="form" aria-label={`Erase the rows of ${fileName} that name nobody`}>
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="after" value={after ?? ''} />
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field
        label="Legal reference"
        name="legalReference"
        id={`unnamed-rows-legal-reference-${runId}`}
        hint="The request this answers (case number, legal basis). Kept for auditors; no personal data."
        required
        maxLength={500}
        defaultValue={state.values?.legalReference ?? ''}
        error={state.fieldErrors?.legalReference}
      />
      <Field
        label={`Type ${UNNAMED_ROWS_CONFIRMATION} to confirm`}
        name="confirmation"
        id={`unnamed-rows-confirmation-${runId}`}
        hint="The values and errors of this run's rejected rows without an employee number become unreadable, and those rows can no longer be corrected. Rows that name a person are untouched. This cannot be undone."
        required
        autoComplete="off"
        defaultValue=""
        error={state.fieldErrors?.confirmation}
      />
      <div className="button-row">
        <SubmitButton variant="danger" pendingLabel="Erasing…" aria-label={`Erase the rows of ${fileName} that name nobody`}>
          Erase rows that name nobody
        </SubmitButton>
      </div>
    </form>
  );
}
