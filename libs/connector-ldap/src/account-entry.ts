import { ConnectorError, type AccountChanges, type AccountSpec, type TargetAccount } from '@tenure/connector-sdk';
import type { Change, Entry } from 'ldapts';
import type { AccountLock } from './account-lock';
import { firstValue, replace } from './ldap-entry';

export const ACCOUNT_OBJECT_CLASSES = ['top', 'person', 'organizationalPerson', 'inetOrgPerson'];

/** How accounts look in this directory: where the identity id goes and how an account is disabled. */
export interface AccountShape {
  readonly identityIdAttribute: string;
  readonly lock: AccountLock;
}

/**
 * User names and group names are escaped into DNs and filters, so `o'brien`, `smith, john` or
 * `a+b=c` are fine. Refused: empty names, names longer than `uid` and `cn` allow (256), leading or
 * trailing spaces (LDAP matching ignores them, so `alice ` would be the same entry as `alice`) and
 * control characters.
 */
export function checkName(what: 'user name' | 'entitlement key', name: string): void {
  const problem = nameProblem(name);
  if (problem) throw new ConnectorError('invalid', `the ${what} ${JSON.stringify(name)} ${problem}`);
}

function nameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 256) return 'is longer than 256 characters';
  if (name.trim() !== name) return 'starts or ends with a space';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'contains a control character';
  return null;
}

export function accountAttributeNames(shape: AccountShape): string[] {
  return ['uid', 'cn', 'sn', 'givenName', 'displayName', 'mail', 'employeeNumber', shape.identityIdAttribute, ...shape.lock.attributes];
}

/** The attributes of a new entry; empty values are left out (LDAP has no empty strings), `cn` and `sn` are required. */
export function newAccountAttributes(spec: AccountSpec, shape: AccountShape): Record<string, string[]> {
  const attributes: Record<string, string[]> = { objectClass: ACCOUNT_OBJECT_CLASSES, uid: [spec.userName] };
  for (const [type, value] of Object.entries(attributeValues(spec, spec, shape))) {
    if (value !== '') attributes[type] = [value];
  }
  return attributes;
}

/** The changes that bring an entry in line with `changes`; an empty value removes an optional attribute. */
export function accountChanges(userName: string, changes: AccountChanges, shape: AccountShape): Change[] {
  return Object.entries(attributeValues({ userName, ...changes }, changes, shape)).map(([type, value]) =>
    replace(type, value === '' ? [] : [value]),
  );
}

/** The LDAP attributes for the fields present in `given` (cn and sn fall back to the user name: they may not be empty). */
function attributeValues(
  spec: Partial<AccountSpec> & { userName: string },
  given: AccountChanges,
  shape: AccountShape,
): Record<string, string> {
  const values: Record<string, string> = {};
  const has = (field: keyof AccountChanges) => given[field] !== undefined;
  if (has('displayName')) {
    values['displayName'] = spec.displayName ?? '';
    values['cn'] = orUserName(spec.displayName, spec.userName);
  }
  if (has('familyName')) values['sn'] = orUserName(spec.familyName, spec.userName);
  if (has('givenName')) values['givenName'] = spec.givenName ?? '';
  if (has('email')) values['mail'] = spec.email ?? '';
  if (has('employeeNumber')) values['employeeNumber'] = spec.employeeNumber ?? '';
  if (has('identityId')) values[shape.identityIdAttribute] = spec.identityId ?? '';
  return values;
}

function orUserName(value: string | undefined, userName: string): string {
  return value === undefined || value.trim() === '' ? userName : value;
}

export function toTargetAccount(entry: Entry, userName: string, shape: AccountShape): TargetAccount {
  return {
    accountId: entry.dn,
    userName,
    enabled: shape.lock.isEnabled(entry),
    displayName: firstValue(entry, 'displayName') ?? firstValue(entry, 'cn'),
    email: firstValue(entry, 'mail'),
    employeeNumber: firstValue(entry, 'employeeNumber'),
  };
}
