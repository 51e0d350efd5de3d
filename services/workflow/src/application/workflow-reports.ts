import { DomainError } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import {
  standingPrivilegedAccess,
  type StandingPrivilegedGrant,
  type StandingPrivilegedPage,
} from '../read-model/workflow-assignments/standing-privileged-access.queries';

export type { StandingPrivilegedGrant, StandingPrivilegedPage };

/** At most this many grants in one answer; the total is always exact. */
export const MAX_REPORT_ROWS = 500;

/** Workflow's compliance report: standing privileged access (high-risk entitlements held with no end). */
export class WorkflowReports {
  constructor(private readonly pool: Pool) {}

  standingPrivilegedAccess(first: number): Promise<StandingPrivilegedPage> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_REPORT_ROWS) {
      throw new DomainError('validation', `first must be a whole number from 0 to ${MAX_REPORT_ROWS}; got ${first}`, { field: 'first' });
    }
    return standingPrivilegedAccess(this.pool, first);
  }
}
