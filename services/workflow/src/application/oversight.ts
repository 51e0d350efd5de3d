import { DomainError } from '@tenure/event-sourcing';
import { isReader, type Caller } from '@tenure/service-runtime';
import type { Queryable } from '../read-model/queryable';
import { findSubjects } from '../read-model/workflow-identities/workflow-subjects';

/**
 * Who may read what workflow holds about a person (their access, requests, reviews): the person,
 * every manager above them, administrators and auditors. Decided from workflow's copy of the directory, never
 * from what the caller claims.
 */
export async function oversees(db: Queryable, caller: Caller, identityId: string): Promise<boolean> {
  if (isReader(caller)) return true;
  if (caller.kind !== 'person') return false;
  const [subject] = await findSubjects(db, [identityId]);
  if (!subject) return false;
  return subject.employeeNumber === caller.employeeNumber || subject.managerChain.includes(caller.employeeNumber);
}

/** Refuses (`forbidden`) unless the caller oversees the identity; `what` names what was asked, e.g. "assignments". */
export async function requireOversight(db: Queryable, caller: Caller, identityId: string, what: string): Promise<void> {
  if (!(await oversees(db, caller, identityId))) {
    throw new DomainError('forbidden', `the ${what} of ${identityId} are for the person, their managers, administrators and auditors`, {
      identityId,
    });
  }
}
