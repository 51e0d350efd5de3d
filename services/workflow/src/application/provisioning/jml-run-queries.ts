import type { Pool } from 'pg';
import { jmlRuns, type JmlRunFilter, type JmlRunView } from '../../read-model/workflow-jml-runs';

/** What the subgraph reads about joiner, mover and leaver runs. */
export class JmlRunQueries {
  constructor(private readonly pool: Pool) {}

  /** Newest first. */
  list(filter: JmlRunFilter): Promise<JmlRunView[]> {
    return jmlRuns(this.pool, filter);
  }
}
