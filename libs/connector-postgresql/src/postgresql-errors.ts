import { ConnectorError, type ConnectorErrorKind } from '@tenure/connector-sdk';

/** SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html) by what they mean for a retry. */
const KIND_BY_SQLSTATE: Readonly<Record<string, ConnectorErrorKind>> = {
  '28P01': 'auth', // invalid_password
  '28000': 'auth', // invalid_authorization_specification (no such user, pg_hba refusal)
  '42501': 'auth', // insufficient_privilege: the connector's role lacks CREATEROLE or ADMIN OPTION
  '57014': 'timeout', // query_canceled: statement_timeout
  '55P03': 'unavailable', // lock_not_available
  '40001': 'unavailable', // serialization_failure
  '40P01': 'unavailable', // deadlock_detected
  '42704': 'not-found', // undefined_object: no such role
  '3D000': 'invalid', // invalid_catalog_name: the configured database does not exist
  '42710': 'conflict', // duplicate_object
  '2BP01': 'conflict', // dependent_objects_still_exist: the role owns objects or holds privileges
  '0LP01': 'invalid', // invalid_grant_operation, e.g. a circular membership
};

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P server shutting down or starting. */
const RETRYABLE_CLASSES: readonly string[] = ['08', '53', '57P'];

const NETWORK_CODES: Readonly<Record<string, ConnectorErrorKind>> = {
  ECONNREFUSED: 'unavailable',
  ECONNRESET: 'unavailable',
  EPIPE: 'unavailable',
  EHOSTUNREACH: 'unavailable',
  ENETUNREACH: 'unavailable',
  ENOTFOUND: 'unavailable',
  EAI_AGAIN: 'unavailable',
  ETIMEDOUT: 'timeout',
};

/** The ConnectorError for anything pg or the network threw. */
export function postgresqlError(error: unknown, doing: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const detail = errorDetail(error);
  const described = `PostgreSQL: ${doing} failed: ${message}${detail ? ` (${detail})` : ''}`;
  return new ConnectorError(kindOf(code, message), described, { cause: error });
}

function kindOf(code: string | null, message: string): ConnectorErrorKind {
  if (code !== null) {
    const known = KIND_BY_SQLSTATE[code] ?? NETWORK_CODES[code];
    if (known) return known;
    if (RETRYABLE_CLASSES.some((prefix) => code.startsWith(prefix))) return 'unavailable';
    if (code.startsWith('22')) return 'invalid'; // data exception
  }
  // pg's own messages when the server goes away or a connection cannot be had in time.
  if (/timeout/i.test(message)) return 'timeout';
  if (/Connection terminated|connection closed|Client has encountered a connection error/i.test(message)) return 'unavailable';
  return 'internal';
}

function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  // An AggregateError (e.g. both ::1 and 127.0.0.1 refused) carries the code on its parts.
  if (error instanceof AggregateError) return error.errors.map(errorCode).find((code) => code !== null) ?? null;
  return null;
}

function errorDetail(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'detail' in error && typeof error.detail === 'string') return error.detail;
  return null;
}
