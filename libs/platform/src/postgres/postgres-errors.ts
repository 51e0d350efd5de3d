/** Why the embedded PostgreSQL could not be prepared, started or stopped. */
export type EmbeddedPostgresErrorCode =
  | 'UNSUPPORTED_PLATFORM'
  | 'RUNNING_AS_ROOT'
  | 'MISSING_CREDENTIALS'
  | 'CORRUPT_CLUSTER_FILE'
  | 'INITDB_FAILED'
  | 'PORT_IN_USE'
  | 'NO_FREE_PORT'
  | 'SERVER_IN_USE'
  | 'START_FAILED';

export class EmbeddedPostgresError extends Error {
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

/** An external PostgreSQL (DATABASE_URL) could not be reached or refused us. */
export class DatabaseUnreachableError extends Error {
  readonly code = 'DATABASE_UNREACHABLE';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'DatabaseUnreachableError';
  }
}
