import type { HrSource } from '../hr-record';
import type { IsoDate } from './dates';
import type { CurrentIdentity, IdentityEvent } from './identity.events';

/**
 * Termination effective on `effectiveDate`: today or earlier terminates now (the leaver event);
 * a later date is scheduled, unless exactly that date is already scheduled (a resend).
 */
export function terminationEvents(
  current: CurrentIdentity,
  termination: { readonly effectiveDate: IsoDate; readonly reason: string | null; readonly source: HrSource },
  today: IsoDate,
): IdentityEvent[] {
  const { identityId, employeeNumber, employment } = current;
  const { effectiveDate, reason, source } = termination;
  if (effectiveDate <= today) {
    return [
      {
        type: 'IdentityTerminated',
        data: { identityId, employeeNumber, employment, terminationDate: effectiveDate, reason, lifecycle: 'leaver', source },
      },
    ];
  }
  if (current.scheduledTermination?.effectiveDate === effectiveDate) return [];
  return [{ type: 'TerminationScheduled', data: { identityId, effectiveDate, reason, source } }];
}
