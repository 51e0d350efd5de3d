'use client';

import { useActionState } from 'react';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { Field } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { requestAccessAction } from '@/lib/actions/requests/request-access';
import type { RequestFormState } from '@/lib/actions/requests/request-form-state';
import type { RequestDecision } from '@/lib/data/request-decision';
import { MAX_JUSTIFICATION_LENGTH, MAX_REQUEST_HOURS } from '@/lib/forms/request-forms';
import { DecisionPanel } from './DecisionPanel';

export interface RequestFormProps {
  applicationId: string;
  entitlementKey: string;
  initialHours: number;
  initialDecision: RequestDecision | null;
}

/**
 * Duration and justification for the chosen entitlement. The browser's own validation is off (noValidate) so
 * every problem shows the same way, next to its field, from the server's checks. "Check policy" re-evaluates for the duration typed
 * (the preview below changes); "Submit request" makes the request.
 */
export function RequestForm({ applicationId, entitlementKey, initialHours, initialDecision }: RequestFormProps) {
  const [state, action] = useActionState<RequestFormState, FormData>(requestAccessAction, { status: 'idle', decision: initialDecision });
  const hours = Number(state.values?.durationHours ?? initialHours);
  const decision = state.decision;

  const refusedByPolicy = decision?.allowed === false;

  return (
    <>
      <div aria-live="polite">
        {decision ? (
          <DecisionPanel decision={decision} requestedHours={Number.isFinite(hours) ? hours : initialHours} />
        ) : (
          <p className="muted">Policy has no answer for you yet: HR may not know you, or no policy is published.</p>
        )}
      </div>
      <form action={action} className="form" aria-label="Request access" noValidate>
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="entitlementKey" value={entitlementKey} />
        {state.status === 'error' && !state.refusal && state.message ? (
          <ErrorNotice title="The request was not made" message={state.message} />
        ) : null}
        {state.refusal ? (
          <ErrorNotice
            title={state.message ?? 'Policy refused this request.'}
            message={`Request ${state.refusal.requestId} was recorded as refused:`}
          >
            <ul>
              {state.refusal.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </ErrorNotice>
        ) : null}
        <Field
          label="Duration in hours"
          name="durationHours"
          type="number"
          inputMode="decimal"
          min={0.25}
          max={MAX_REQUEST_HOURS}
          step="any"
          required
          defaultValue={state.values?.durationHours ?? String(initialHours)}
          hint={
            decision?.maxDurationHours != null
              ? `At most ${decision.maxDurationHours} hours for this entitlement. The time starts when the application grants it.`
              : 'The time starts when the application grants it.'
          }
          error={state.fieldErrors?.durationHours}
        />
        {refusedByPolicy ? null : (
          <Field
            as="textarea"
            label="Justification"
            name="justification"
            required
            maxLength={MAX_JUSTIFICATION_LENGTH}
            defaultValue={state.values?.justification ?? ''}
            hint="Why you need it, e.g. a ticket number. Approvers read this."
            error={state.fieldErrors?.justification}
          />
        )}
        {state.fieldErrors?.applicationId || state.fieldErrors?.entitlementKey ? (
          <ErrorNotice message={(state.fieldErrors.applicationId ?? state.fieldErrors.entitlementKey ?? []).join(' ')} />
        ) : null}
        {refusedByPolicy ? <p className="muted">Policy does not allow this request, so it cannot be submitted.</p> : null}
        <div className="button-row">
          <SubmitButton name="intent" value="check" variant="secondary" formNoValidate pendingLabel="Checking…">
            Check policy
          </SubmitButton>
          {refusedByPolicy ? null : (
            <SubmitButton name="intent" value="submit" pendingLabel="Submitting…">
              Submit request
            </SubmitButton>
          )}
        </div>
      </form>
    </>
  );
}
