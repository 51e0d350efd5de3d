import { escapeIdentifier } from 'pg';
import { ConnectorError } from '@tenure/connector-sdk';

/** Letters, digits and `_ . @ -`, at most 63 bytes (PostgreSQL's NAMEDATALEN - 1). */
const ROLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/;

/**
 * A user name or entitlement key that can be a role name. Every name still goes through
 * `escapeIdentifier`; this only refuses names PostgreSQL would truncate or reserves.
 */
export function checkedRoleName(name: string, what: 'user name' | 'entitlement key'): string {
  if (!ROLE_NAME.test(name) || Buffer.byteLength(name) > 63) {
    throw new ConnectorError(
      'invalid',
      `"${name}" is not a valid ${what} for PostgreSQL: use letters, digits and _ . @ -, at most 63 characters`,
    );
  }
  if (name.startsWith('pg_'))
    throw new ConnectorError('invalid', `"${name}" is reserved: PostgreSQL keeps role names starting with pg_ for itself`);
  return name;
}

/** The role name as a quoted SQL identifier; the only way names enter SQL text. */
export function role(name: string): string {
  return escapeIdentifier(name);
}
