import { attributeChangeEvents } from './attribute-change';
import type { IsoDate } from './dates';
import { evolve, type CurrentIdentity, type IdentityEvent, type IdentityState } from './identity.events';

export interface Decided {
  readonly events: readonly IdentityEvent[];
  /** The state with `events` applied. */
  readonly state: IdentityState;
}

/**
 * Applies everything due on or before `today`, one item at a time in date order (on the same date:
 * activation, then attribute changes, then termination), each decided against the state the
 * earlier ones left. Every item's event removes it from the schedule, so this always ends.
 *
 * Every command runs this first, so a late timer (the service was down on the date) never makes a
 * command decide against an outdated state.
 */
export function applyDueChanges(state: IdentityState, today: IsoDate): Decided {
  const events: IdentityEvent[] = [];
  let current = state;
  while (current.status !== 'unknown' && current.status !== 'terminated' && current.nextDueDate !== null && current.nextDueDate <= today) {
    const next = decideNextDueItem(current);
    events.push(...next);
    current = next.reduce(evolve, current);
  }
  return { events, state: current };
}

/** Appends `events` and whatever they make due (e.g. the activation of a hire whose start date is today). */
export function thenApplyDue(state: IdentityState, events: readonly IdentityEvent[], today: IsoDate): Decided {
  const due = applyDueChanges(events.reduce(evolve, state), today);
  return { events: [...events, ...due.events], state: due.state };
}

function decideNextDueItem(current: CurrentIdentity): IdentityEvent[] {
  const due = current.nextDueDate;
  const { identityId, employeeNumber, employment, attributes, startDate } = current;

  if (current.status === 'pre-hire' && current.startDate === due) {
    return [
      {
        type: 'IdentityActivated',
        data: { identityId, employeeNumber, employment, startDate, attributes, lifecycle: 'joiner', source: current.startSource },
      },
    ];
  }

  const change = current.scheduledChanges[0];
  if (change !== undefined && change.effectiveDate === due) {
    // Leaving on the same date: the change is the leaver's last correction, not a move (see lifecycle.ts).
    const termination = current.scheduledTermination;
    const leaving = termination !== null && termination.effectiveDate <= change.effectiveDate;
    const applied = attributeChangeEvents(current, change.changes, { effectiveDate: change.effectiveDate, source: change.source, leaving });
    if (applied.length > 0) return applied;
    return [
      {
        type: 'ScheduledAttributeChangeDiscarded',
        data: { identityId, effectiveDate: change.effectiveDate, reason: 'no-difference', source: change.source },
      },
    ];
  }

  const termination = current.scheduledTermination;
  if (termination !== null && termination.effectiveDate === due) {
    const { effectiveDate, reason, source } = termination;
    return [
      {
        type: 'IdentityTerminated',
        data: { identityId, employeeNumber, employment, terminationDate: effectiveDate, reason, lifecycle: 'leaver', source },
      },
    ];
  }

  throw new Error(`nextDueDate ${due} of identity ${identityId} matches nothing scheduled`);
}
