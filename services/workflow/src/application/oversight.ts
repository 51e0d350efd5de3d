import {
  oversees as overseesIn,
  requireOversight as requireOversightIn,
  type Caller,
  type ReportingLineTable,
} from '@tenure/service-runtime';
import type { Queryable } from '../read-model/queryable';

/**
 * Who may read what workflow holds about a person (their access, requests, reviews): the person,
 * every manager above them, administrators and auditors. Decided from workflow's copy of the
 * directory, never from what the caller claims; the rule itself is the platform's (service-runtime).
 */
const WORKFLOW_DIRECTORY: ReportingLineTable = { table: 'workflow_identities', managerOf: 'd.manager_employee_number' };

export function oversees(db: Queryable, caller: Caller, identityId: string): Promise<boolean> {
  return overseesIn(db, WORKFLOW_DIRECTORY, caller, identityId);
}

/** Refuses (`forbidden`) unless the caller oversees the identity; `what` names what was asked, e.g. "assignments". */
export function requireOversight(db: Queryable, caller: Caller, identityId: string, what: string): Promise<void> {
  return requireOversightIn(db, WORKFLOW_DIRECTORY, caller, identityId, what);
}
