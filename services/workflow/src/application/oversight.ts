import { DomainError } from '@tenure/event-sourcing';
import type { Caller } from '@tenure/service-runtime';
import type { Queryable } from '../read-model/queryable';
import { findSubjects } from '../read-model/workflow-identities/workflow-subjects';

/**
 * Who may read what workflow holds about a person (their access, requests, reviews): the person,
 * every manager above them, and administrators. Decided from workflow's copy of the directory, never
 * from what the caller claims.
 */
export async function oversees(db: Queryable, caller: Caller, identityId: string): Promise<boolean> {
  if (caller.kind === 'administrator') return true;
  const [subject] = await findSubjects(db, [identityId]);
  if (!subject) return false;
  return subject.employeeNumber === caller.employeeNumber || subject.managerChain.includes(caller.employeeNumber);
}

/** Refuses (`forbidden`) unless the caller oversees the identity; `what` names what was asked, e.g. "assignments". */
export async function requireOversight(db: Queryable, caller: Caller, identityId: string, what: string): Promise<void> {
  if (!(await oversees(db, caller, identityId))) {
    throw new DomainError('forbidden', `the ${what} of ${identityId} are for the person, their managers and administrators`, {
      identityId,
    });
  }
}
