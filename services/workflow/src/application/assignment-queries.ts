import type { Pool } from 'pg';
import { assignmentsOf, type AssignmentView } from '../read-model/workflow-assignments/workflow-assignments.queries';

/** What the subgraph reads about assignments. */
export class AssignmentQueries {
  constructor(private readonly pool: Pool) {}

  /** An identity's assignments (none for an identity workflow never assigned anything). */
  forIdentity(identityId: string, options: { readonly includeRevoked: boolean }): Promise<AssignmentView[]> {
    return assignmentsOf(this.pool, identityId, options);
  }
}
