'use client';

import { useActionState } from 'react';
import { publishPolicyDraft } from '@/app/admin/policies/actions';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';

/** Publishes the draft as the next version; decisions use it from then on. */
export function PublishPolicyForm({ nextVersion }: { nextVersion: number }) {
  const [state, action] = useActionState(publishPolicyDraft, initialFormState);
  return (
    <form action={action} className="form" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish as version {nextVersion}</h2>
      {state.status === 'error' && state.message ? (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field
        as="textarea"
        label="Note"
        name="note"
        required
        rows={2}
        maxLength={2000}
        hint="Why this version: kept with it for the people who read the history."
        defaultValue={state.values?.note ?? ''}
        error={state.fieldErrors?.note}
      />
      <SubmitButton pendingLabel="Publishing…">Publish</SubmitButton>
    </form>
  );
}
