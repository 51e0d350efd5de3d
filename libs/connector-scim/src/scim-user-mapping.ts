import type { AccountChanges, AccountSpec, TargetAccount, TargetEntitlement } from '@tenure/connector-sdk';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from './scim-resources';
import type { ScimGroup, ScimPatchOperation, ScimUser } from './scim-resources';

/**
 * The SCIM User for an account spec (RFC 7643 §4.1, §4.3). `externalId` carries Tenure's identity
 * id, as the RFC intends for the provisioning client's own identifier.
 */
export function userResource(spec: AccountSpec): object {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    userName: spec.userName,
    externalId: spec.identityId,
    name: { givenName: spec.givenName, familyName: spec.familyName },
    displayName: spec.displayName,
    emails: workEmail(spec.email),
    active: true,
    [ENTERPRISE_USER_SCHEMA]: { employeeNumber: spec.employeeNumber },
  };
}

/**
 * PATCH operations for the attributes Tenure owns, each on its own path so that attributes the
 * application manages itself (phone numbers, roles, other name parts) are left alone.
 */
export function changeOperations(changes: AccountChanges): ScimPatchOperation[] {
  const operations: ScimPatchOperation[] = [];
  const replace = (path: string, value: unknown) => operations.push({ op: 'replace', path, value });
  if (changes.givenName !== undefined) replace('name.givenName', changes.givenName);
  if (changes.familyName !== undefined) replace('name.familyName', changes.familyName);
  if (changes.displayName !== undefined) replace('displayName', changes.displayName);
  // The whole list: Tenure's work address becomes the one primary email.
  if (changes.email !== undefined) replace('emails', workEmail(changes.email));
  if (changes.identityId !== undefined) replace('externalId', changes.identityId);
  if (changes.employeeNumber !== undefined) replace(`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, changes.employeeNumber);
  return operations;
}

/** Brings an existing user in line with a spec: every attribute Tenure owns, and enabled. */
export function alignOperations(spec: AccountSpec): ScimPatchOperation[] {
  const { userName: _userName, ...attributes } = spec;
  return [...changeOperations(attributes), { op: 'replace', path: 'active', value: true }];
}

export function toTargetAccount(user: ScimUser): TargetAccount {
  const emails = user.emails ?? [];
  const email = (emails.find((entry) => entry.primary === true) ?? emails[0])?.value ?? null;
  return {
    accountId: user.id,
    userName: user.userName,
    // RFC 7643 leaves `active` optional; a server that does not say has not disabled the user.
    enabled: user.active ?? true,
    displayName: user.displayName ?? null,
    email,
    employeeNumber: user[ENTERPRISE_USER_SCHEMA]?.employeeNumber ?? null,
  };
}

/** Groups are the entitlements; the key is the group's id, stable across renames (see README). */
export function toTargetEntitlement(group: ScimGroup): TargetEntitlement {
  return { key: group.id, displayName: group.displayName ?? group.id, description: null, kind: 'group' };
}

function workEmail(address: string): object[] {
  return [{ value: address, type: 'work', primary: true }];
}
