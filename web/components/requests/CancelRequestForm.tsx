'use client';

import { useActionState } from 'react';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { Field } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { initialFormState } from '@/lib/actions/form-state';
import { cancelRequestAction } from '@/lib/actions/requests/cancel-request';

export function CancelRequestForm({ requestId, granted }: { requestId: string; granted: boolean }) {
  const [state, action] = useActionState(cancelRequestAction, initialFormState);
  return (
    <form action={action} className="form" aria-label={`Cancel request ${requestId}`} noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      {state.status === 'error' && state.message ? <ErrorNotice title="The request was not cancelled" message={state.message} /> : null}
      <Field
        as="textarea"
        label="Reason (optional)"
        name="reason"
        id={`cancel-reason-${requestId}`}
        rows={2}
        defaultValue={state.values?.reason ?? ''}
        hint={granted ? 'Cancelling revokes the access at once.' : undefined}
        error={state.fieldErrors?.reason}
      />
      <div className="button-row">
        <SubmitButton variant="danger" pendingLabel="Cancelling…">
          {granted ? 'Cancel and revoke access' : 'Cancel request'}
        </SubmitButton>
      </div>
    </form>
  );
}
