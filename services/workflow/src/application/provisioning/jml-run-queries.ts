import type { Pool } from 'pg';
import {
  jmlRunApplications,
  jmlRuns,
  type JmlRunApplicationView,
  type JmlRunFilter,
  type JmlRunView,
} from '../../read-model/workflow-jml-runs';

/** What the subgraph reads about joiner, mover and leaver runs. */
export class JmlRunQueries {
  constructor(private readonly pool: Pool) {}

  /** Newest first. */
  list(filter: JmlRunFilter): Promise<JmlRunView[]> {
    return jmlRuns(this.pool, filter);
  }

  /** The runs' grants and revokes per application, by run then application. */
  applications(runIds: readonly string[]): Promise<JmlRunApplicationView[]> {
    return jmlRunApplications(this.pool, runIds);
  }
}
