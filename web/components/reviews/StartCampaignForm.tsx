'use client';

import { useActionState } from 'react';
import { startReviewCampaign } from '@/app/reviews/actions';
import { Field, SubmitButton } from '@/components/ui';
import { initialFormState } from '@/lib/actions/form-state';

export interface StartCampaignFormProps {
  applications: { id: string; name: string }[];
}

/** Administrators start a campaign over an application, an entitlement or a manager's organisation. */
export function StartCampaignForm({ applications }: StartCampaignFormProps) {
  const [state, action] = useActionState(startReviewCampaign, initialFormState);
  const value = (name: string, fallback = '') => state.values?.[name] ?? fallback;
  const error = (name: string) => state.fieldErrors?.[name];
  // After a success the form starts empty again; after an error it keeps what was typed.
  const formKey = state.status === 'success' ? state.message : 'form';
  return (
    <form key={formKey} action={action} className="form" aria-labelledby="start-campaign-title">
      <h2 id="start-campaign-title">Start a review campaign</h2>
      {state.message ? (
        <p
          className={`notice ${state.status === 'success' ? 'notice--success' : 'notice--error'}`}
          role={state.status === 'success' ? 'status' : 'alert'}
        >
          {state.message}
        </p>
      ) : null}
      <Field label="Name" name="name" required maxLength={200} defaultValue={value('name')} error={error('name')} />
      <Field
        as="select"
        label="What to review"
        name="scopeKind"
        defaultValue={value('scopeKind', 'APPLICATION')}
        error={error('scopeKind')}
      >
        <option value="APPLICATION">Everything held in an application</option>
        <option value="ENTITLEMENT">One entitlement</option>
        <option value="MANAGER">Everything held by a manager’s organisation</option>
      </Field>
      <Field
        as="select"
        label="Application"
        name="applicationId"
        hint="For an application or an entitlement."
        defaultValue={value('applicationId')}
        error={error('applicationId')}
      >
        <option value="">—</option>
        {applications.map((application) => (
          <option key={application.id} value={application.id}>
            {application.name} ({application.id})
          </option>
        ))}
      </Field>
      <Field
        label="Entitlement key"
        name="entitlementKey"
        hint="For one entitlement, e.g. payment-approve."
        defaultValue={value('entitlementKey')}
        error={error('entitlementKey')}
      />
      <Field
        label="Manager’s employee number"
        name="managerEmployeeNumber"
        hint="For a manager’s organisation: their direct and indirect reports."
        inputMode="numeric"
        defaultValue={value('managerEmployeeNumber')}
        error={error('managerEmployeeNumber')}
      />
      <Field as="select" label="Reviewer" name="reviewer" defaultValue={value('reviewer', 'MANAGER')} error={error('reviewer')}>
        <option value="MANAGER">Each person’s manager</option>
        <option value="ENTITLEMENT_OWNER">Each entitlement’s owner (else the application’s)</option>
      </Field>
      <Field
        label="Deadline (UTC)"
        name="deadline"
        type="datetime-local"
        hint="Empty: two weeks from now."
        defaultValue={value('deadline')}
        error={error('deadline')}
      />
      <Field
        as="select"
        label="At the deadline, undecided items are"
        name="defaultAction"
        defaultValue={value('defaultAction', 'REVOKE')}
        error={error('defaultAction')}
      >
        <option value="REVOKE">Revoked</option>
        <option value="KEEP">Kept</option>
      </Field>
      <Field
        label="Hours between reminders"
        name="reminderHours"
        type="number"
        min={1}
        max={720}
        step={1}
        hint="Empty: the service’s default (24)."
        defaultValue={value('reminderHours')}
        error={error('reminderHours')}
      />
      <SubmitButton pendingLabel="Starting…">Start campaign</SubmitButton>
    </form>
  );
}
