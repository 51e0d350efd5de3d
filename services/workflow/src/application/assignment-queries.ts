import type { Caller } from '@tenure/service-runtime';
import type { Pool } from 'pg';
import { assignmentsOf, type AssignmentView } from '../read-model/workflow-assignments/workflow-assignments.queries';
import { requireOversight } from './oversight';

/** What the subgraph reads about assignments. */
export class AssignmentQueries {
  constructor(private readonly pool: Pool) {}

  /** An identity's assignments (none for an identity workflow never assigned anything). */
  forIdentity(identityId: string, options: { readonly includeRevoked: boolean }): Promise<AssignmentView[]> {
    return assignmentsOf(this.pool, identityId, options);
  }

  /** The same, for a caller: the person, their managers and administrators (see oversight.ts). */
  async forIdentityAsCaller(caller: Caller, identityId: string, options: { readonly includeRevoked: boolean }): Promise<AssignmentView[]> {
    await requireOversight(this.pool, caller, identityId, 'assignments');
    return this.forIdentity(identityId, options);
  }
}
