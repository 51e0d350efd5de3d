import { escapeLiteral } from 'pg';
import { COMMENT_MARKER } from './account-comment';

/**
 * Which roles are what. Every scoped query takes the same first three parameters:
 * $1 the managed-role prefix (or null), $2 the managed role names, $3 the ignored role names.
 */
export interface RoleScope {
  readonly managedRolePrefix: string | null;
  readonly managedRoles: readonly string[];
  readonly ignoredRoles: readonly string[];
}

export function scopeParameters(scope: RoleScope): unknown[] {
  return [scope.managedRolePrefix, [...scope.managedRoles], [...scope.ignoredRoles]];
}

/** The first two scope parameters, for queries about entitlements only. */
export function managedParameters(scope: RoleScope): unknown[] {
  return [scope.managedRolePrefix, [...scope.managedRoles]];
}

export function isManagedName(scope: RoleScope, name: string): boolean {
  return (scope.managedRolePrefix !== null && name.startsWith(scope.managedRolePrefix)) || scope.managedRoles.includes(name);
}

const comment = (r: string) => `shobj_description(${r}.oid, 'pg_authid')`;

/** An entitlement: a role named by the prefix or the list. */
const managed = (r: string) => `((($1::text IS NOT NULL) AND starts_with(${r}.rolname, $1::text)) OR ${r}.rolname = ANY($2::text[]))`;

/**
 * An account: a role that is not an entitlement, not PostgreSQL's own (pg_*), not the connector's
 * role nor an ignored one, and either can log in or carries Tenure's comment (a disabled account
 * is NOLOGIN, yet still an account).
 */
const account = (r: string) =>
  `(NOT ${managed(r)} AND NOT starts_with(${r}.rolname, 'pg_') AND ${r}.rolname <> current_user AND ${r}.rolname <> ALL($3::text[])` +
  ` AND (${r}.rolcanlogin OR starts_with(coalesce(${comment(r)}, ''), ${escapeLiteral(COMMENT_MARKER)})))`;

export interface RoleRow {
  readonly rolname: string;
  readonly rolcanlogin: boolean;
  readonly comment: string | null;
  readonly is_managed: boolean;
  readonly is_account: boolean;
}

/** $4: the role name. */
export const ROLE_BY_NAME = `
  SELECT r.rolname, r.rolcanlogin, ${comment('r')} AS comment, ${managed('r')} AS is_managed, ${account('r')} AS is_account
  FROM pg_roles r WHERE r.rolname = $4::name`;

/** $4: the user name after which the page starts (or null), $5: the limit. */
export const ACCOUNTS_PAGE = `
  SELECT r.rolname, r.rolcanlogin, ${comment('r')} AS comment
  FROM pg_roles r
  WHERE ${account('r')} AND ($4::text IS NULL OR r.rolname > $4::name)
  ORDER BY r.rolname LIMIT $5`;

/** Only $1 and $2 of the scope (see `managedParameters`); $3: the key after which the page starts (or null), $4: the limit. */
export const ENTITLEMENTS_PAGE = `
  SELECT r.rolname, ${comment('r')} AS comment
  FROM pg_roles r
  WHERE ${managed('r')} AND ($3::text IS NULL OR r.rolname > $3::name)
  ORDER BY r.rolname LIMIT $4`;

/** $4, $5: the (user name, key) after which the page starts (or nulls), $6: the limit. Memberships by several grantors count once. */
export const GRANTS_PAGE = `
  SELECT DISTINCT u.rolname AS user_name, g.rolname AS entitlement_key
  FROM pg_auth_members m
  JOIN pg_roles u ON u.oid = m.member
  JOIN pg_roles g ON g.oid = m.roleid
  WHERE ${managed('g')} AND ${account('u')} AND ($4::text IS NULL OR (u.rolname, g.rolname) > ($4::name, $5::name))
  ORDER BY 1, 2 LIMIT $6`;

/** $1: the user name, $2: the group role. Who granted the membership (PostgreSQL 16+ keeps one row per grantor). */
export const MEMBERSHIP_GRANTORS = `
  SELECT gr.rolname AS grantor
  FROM pg_auth_members m
  JOIN pg_roles u ON u.oid = m.member
  JOIN pg_roles g ON g.oid = m.roleid
  JOIN pg_roles gr ON gr.oid = m.grantor
  WHERE u.rolname = $1::name AND g.rolname = $2::name`;

/** Whether the connector's role may manage roles at all. */
export const OWN_ROLE = `SELECT current_user AS name, rolcreaterole, rolsuper FROM pg_roles WHERE rolname = current_user`;
