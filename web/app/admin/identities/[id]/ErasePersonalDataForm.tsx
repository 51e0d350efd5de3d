'use client';

import { useActionState } from 'react';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';
import { erasePersonalData } from './actions';

/** Erasure of a former employee's personal data: a legal reference, and the employee number typed again to confirm. */
export function ErasePersonalDataForm({ identityId, employeeNumber }: { identityId: string; employeeNumber: string }) {
  const [state, action] = useActionState(erasePersonalData, initialFormState);
  return (
    <form action={action} className="form" aria-label="Erase personal data">
      <input type="hidden" name="identityId" value={identityId} />
      <input type="hidden" name="employeeNumber" value={employeeNumber} />
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field
        label="Legal reference"
        name="legalReference"
        hint="The request this answers (case number, legal basis). Kept for auditors; no personal data."
        required
        maxLength={500}
        defaultValue={state.values?.legalReference ?? ''}
        error={state.fieldErrors?.legalReference}
      />
      <Field
        label={`Type ${employeeNumber} to confirm`}
        name="confirmation"
        hint="Names, email, custom attributes and leave or termination reasons become unreadable everywhere. This cannot be undone."
        required
        autoComplete="off"
        defaultValue=""
        error={state.fieldErrors?.confirmation}
      />
      <div className="button-row">
        <SubmitButton variant="danger" pendingLabel="Erasing…">
          Erase personal data
        </SubmitButton>
      </div>
    </form>
  );
}
