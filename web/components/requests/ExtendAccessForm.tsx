'use client';

import { useActionState } from 'react';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { Field } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { initialFormState } from '@/lib/actions/form-state';
import { extendAccessAction } from '@/lib/actions/requests/extend-access';
import { MAX_JUSTIFICATION_LENGTH, MAX_REQUEST_HOURS } from '@/lib/forms/request-forms';

export function ExtendAccessForm({ assignmentId, defaultHours }: { assignmentId: string; defaultHours: number }) {
  const [state, action] = useActionState(extendAccessAction, initialFormState);
  return (
    <form action={action} className="form" aria-label={`Extend access ${assignmentId}`} noValidate>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      {state.status === 'error' && state.message ? <ErrorNotice title="The extension was not requested" message={state.message} /> : null}
      <Field
        label="More hours"
        name="durationHours"
        id={`extend-hours-${assignmentId}`}
        type="number"
        inputMode="decimal"
        min={0.25}
        max={MAX_REQUEST_HOURS}
        step="any"
        required
        defaultValue={state.values?.durationHours ?? String(defaultHours)}
        hint="An extension is a new request: policy and approvers decide it again."
        error={state.fieldErrors?.durationHours}
      />
      <Field
        as="textarea"
        label="Justification"
        name="justification"
        id={`extend-justification-${assignmentId}`}
        rows={2}
        required
        maxLength={MAX_JUSTIFICATION_LENGTH}
        defaultValue={state.values?.justification ?? ''}
        error={state.fieldErrors?.justification}
      />
      <div className="button-row">
        <SubmitButton pendingLabel="Asking…">Ask for more time</SubmitButton>
      </div>
    </form>
  );
}
