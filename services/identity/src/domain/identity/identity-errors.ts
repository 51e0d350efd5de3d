import { DomainError } from '@tenure/event-sourcing';
import type { HrAttributes } from '../hr-record';
import type { CurrentIdentity, IdentityState, TerminatedIdentity } from './identity.events';

export function identityNotHired(action: string): DomainError {
  return new DomainError('not_found', `${action} needs a hired identity, and none was hired under this employee number`, { action });
}

export function alreadyHired(state: CurrentIdentity | TerminatedIdentity): DomainError {
  return new DomainError(
    'conflict',
    `employee ${state.employeeNumber} is already known (identity ${state.identityId}, ${state.status}): employee numbers are unique` +
      (state.status === 'terminated' ? '; to employ them again, rehire them' : ''),
    { employeeNumber: state.employeeNumber, identityId: state.identityId, status: state.status },
  );
}

export function terminatedIdentityUnchangeable(state: TerminatedIdentity, action: string): DomainError {
  return new DomainError(
    'illegal_state',
    `employee ${state.employeeNumber} was terminated on ${state.terminationDate}: ${action} is not possible; only a rehire changes a terminated identity`,
    { employeeNumber: state.employeeNumber, identityId: state.identityId, status: state.status, terminationDate: state.terminationDate },
  );
}

export function illegalInStatus(state: CurrentIdentity, action: string, why: string): DomainError {
  return new DomainError('illegal_state', `employee ${state.employeeNumber} is ${state.status}: ${action} is not possible (${why})`, {
    employeeNumber: state.employeeNumber,
    identityId: state.identityId,
    status: state.status,
  });
}

/** The manager relation must not point at the person; cycles through others need the read model (application layer). */
export function assertNotOwnManager(employeeNumber: string, attributes: Partial<HrAttributes>): void {
  if (attributes.managerEmployeeNumber === employeeNumber) {
    throw new DomainError('validation', `employee ${employeeNumber}: managerEmployeeNumber names the employee themselves`, {
      employeeNumber,
      field: 'managerEmployeeNumber',
    });
  }
}

export function assertEmployeeNumber(employeeNumber: string): void {
  if (employeeNumber.trim() === '') {
    throw new DomainError('validation', 'employeeNumber is empty: every identity needs the employee number HR knows it by', {
      field: 'employeeNumber',
    });
  }
}

/** Narrows to a hired, not terminated identity, or explains why the action cannot apply. */
export function requireCurrent(state: IdentityState, action: string): CurrentIdentity {
  switch (state.status) {
    case 'unknown':
      throw identityNotHired(action);
    case 'terminated':
      throw terminatedIdentityUnchangeable(state, action);
    case 'pre-hire':
    case 'active':
    case 'on-leave':
      return state;
    default:
      return assertNeverStatus(state);
  }
}

function assertNeverStatus(state: never): never {
  throw new Error(`unexpected identity state: ${JSON.stringify(state)}`);
}
