import { ERASED_MARKER, type IdentitySnapshot } from '@tenure/contracts';
import type { Queryable } from '../../read-model/queryable';
import type { Recipient } from './channels/notification-channel';

// What a message needs to know about people and applications, from workflow's own copies
// (workflow_identities from the published identity events, the catalog from the connector's).

export interface DirectoryPerson {
  readonly employeeNumber: string;
  readonly identityId: string;
  readonly displayName: string;
  /** Null when HR gave none or it was erased: nothing can be sent. */
  readonly email: string | null;
  readonly managerEmployeeNumber: string | null;
}

export async function peopleByEmployeeNumber(db: Queryable, employeeNumbers: readonly string[]): Promise<Map<string, DirectoryPerson>> {
  if (employeeNumbers.length === 0) return new Map();
  const { rows } = await db.query<{ employee_number: string; identity_id: string; snapshot: IdentitySnapshot }>(
    'SELECT employee_number, identity_id, snapshot FROM workflow_identities WHERE employee_number = ANY ($1::text[])',
    [[...new Set(employeeNumbers)]],
  );
  return new Map(rows.map((row) => [row.employee_number, toPerson(row.employee_number, row.identity_id, row.snapshot)]));
}

export async function personByIdentity(db: Queryable, identityId: string): Promise<DirectoryPerson | null> {
  const { rows } = await db.query<{ employee_number: string; identity_id: string; snapshot: IdentitySnapshot }>(
    'SELECT employee_number, identity_id, snapshot FROM workflow_identities WHERE identity_id = $1',
    [identityId],
  );
  const row = rows[0];
  return row ? toPerson(row.employee_number, row.identity_id, row.snapshot) : null;
}

export function recipientOf(person: DirectoryPerson | undefined): Recipient | null {
  return person?.email ? { employeeNumber: person.employeeNumber, email: person.email, displayName: person.displayName } : null;
}

/** Application names and entitlement display names for these pairs (absent when the catalog does not know them). */
export async function catalogLabels(
  db: Queryable,
  pairs: readonly { readonly applicationId: string; readonly entitlementKey?: string }[],
): Promise<{ applications: Map<string, string>; entitlements: Map<string, string> }> {
  const applicationIds = [...new Set(pairs.map((pair) => pair.applicationId))];
  if (applicationIds.length === 0) return { applications: new Map(), entitlements: new Map() };
  const applications = await db.query<{ application_id: string; name: string }>(
    'SELECT application_id, name FROM workflow_applications WHERE application_id = ANY ($1::text[])',
    [applicationIds],
  );
  const entitlements = await db.query<{ application_id: string; entitlement_key: string; name: string | null }>(
    `SELECT application_id, entitlement_key, COALESCE(annotated_display_name, discovered_display_name) AS name
       FROM workflow_catalog_entitlements WHERE application_id = ANY ($1::text[])`,
    [applicationIds],
  );
  return {
    applications: new Map(applications.rows.map((row) => [row.application_id, row.name])),
    entitlements: new Map(
      entitlements.rows.flatMap((row) => (row.name ? [[`${row.application_id}/${row.entitlement_key}`, row.name] as const] : [])),
    ),
  };
}

function toPerson(employeeNumber: string, identityId: string, snapshot: IdentitySnapshot): DirectoryPerson {
  const { givenName, familyName, email, managerEmployeeNumber } = snapshot.attributes;
  const name = [givenName, familyName].filter((part) => part && part !== ERASED_MARKER).join(' ');
  const usableEmail = email && email !== ERASED_MARKER && email.includes('@') ? email : null;
  return { employeeNumber, identityId, displayName: name || employeeNumber, email: usableEmail, managerEmployeeNumber };
}
