import type { Pool, PoolClient } from 'pg';

/** A pool or a client inside a transaction: read-model queries take either. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;
