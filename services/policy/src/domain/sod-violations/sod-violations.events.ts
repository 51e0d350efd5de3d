import type { DomainEvent } from '@tenure/event-sourcing';
import type { SodViolation } from '@tenure/policy-decisions';
import { assertNever } from '../assert-never';

// Detective SoD for one identity (stream `sod-violations-<identityId>`): what was found and what went
// away, recorded only when something changed, so replays and restarts add nothing.

export type SodViolationDetected = DomainEvent<
  'SodViolationDetected',
  {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly ruleId: string;
    readonly policyVersion: number;
    readonly violation: SodViolation;
  }
>;

export type SodViolationResolved = DomainEvent<
  'SodViolationResolved',
  { readonly identityId: string; readonly ruleId: string; readonly policyVersion: number; readonly reason: string }
>;

export type SodViolationEvent = SodViolationDetected | SodViolationResolved;

/** The identity's current (unwaived) violations, by rule id. */
export interface SodViolationsState {
  readonly current: Readonly<Record<string, SodViolation>>;
}

export function initialState(): SodViolationsState {
  return { current: {} };
}

export function evolve(state: SodViolationsState, event: SodViolationEvent): SodViolationsState {
  switch (event.type) {
    case 'SodViolationDetected':
      return { current: { ...state.current, [event.data.ruleId]: event.data.violation } };
    case 'SodViolationResolved': {
      const { [event.data.ruleId]: _resolved, ...rest } = state.current;
      return { current: rest };
    }
    default:
      return assertNever(event);
  }
}
