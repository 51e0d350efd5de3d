'use client';

import { useActionState } from 'react';
import { runReconciliation } from '@/app/admin/applications/actions';
import { SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';

/** Starts a reconciliation run of one application. */
export function ReconcileForm({ applicationId, applicationName }: { applicationId: string; applicationName: string }) {
  const [state, action] = useActionState(runReconciliation, initialFormState);
  return (
    <form action={action} aria-label={`Reconcile ${applicationName}`}>
      <input type="hidden" name="applicationId" value={applicationId} />
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <SubmitButton pendingLabel="Starting…">Run reconciliation now</SubmitButton>
    </form>
  );
}
