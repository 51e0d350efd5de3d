import { DomainError } from '@tenure/event-sourcing';
import type { HrImportState } from './hr-import.events';

/** A command the run's status does not allow: `doing` what, and the `rule` that forbids it. */
export function illegal(state: HrImportState, doing: string, rule: string): DomainError {
  if (state.status === 'not-started') return new DomainError('not_found', `no HR import run to act on: ${doing} needs a started run`);
  return new DomainError('illegal_state', `HR import ${state.runId} is ${state.status}, so ${doing} is not possible: ${rule}`, {
    runId: state.runId,
    status: state.status,
  });
}
