import { foldIdentityEvent, identityEventsByEmployee, IDENTITY_STREAM_PREFIX, type IdentitySnapshot } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { erasedUserName, userNameFor } from '../../domain/identity/user-name';
import { CREATE_CONNECTOR_IDENTITIES } from './desired-state.tables';

/**
 * Keeps `connector_identities` from the identity streams with the published contract's fold. A
 * batch reads each identity's snapshot once and writes every changed row in one statement (an HR
 * import arrives as thousands of events). The user name is set on insert and kept, except across an
 * erasure of personal data (see saveSnapshots).
 */
export const connectorIdentitiesProjection: Projection = {
  name: 'connector-identities',
  filter: { streamPrefixes: [IDENTITY_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_IDENTITIES);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_identities');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

interface Folded {
  readonly snapshot: IdentitySnapshot;
  readonly terminatedAt: Date | null;
  readonly at: Date;
}

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const byEmployee = identityEventsByEmployee(events);
  const before = await loadSnapshots(client, [...byEmployee.keys()]);
  const changed: Folded[] = [];
  for (const [employeeNumber, identityEvents] of byEmployee) {
    const previous = before.get(employeeNumber) ?? null;
    let folded: Folded | null = previous;
    for (const event of identityEvents) {
      const snapshot = foldIdentityEvent(folded?.snapshot ?? null, event);
      if (!snapshot || snapshot === folded?.snapshot) continue;
      const terminatedAt = snapshot.status === 'terminated' ? (folded?.terminatedAt ?? event.recordedAt) : null;
      folded = { snapshot, terminatedAt, at: event.recordedAt };
    }
    if (folded && folded !== previous) changed.push(folded);
  }
  if (changed.length > 0) await saveSnapshots(client, changed);
}

async function loadSnapshots(client: PoolClient, employeeNumbers: readonly string[]): Promise<Map<string, Folded>> {
  const { rows } = await client.query<{
    employee_number: string;
    snapshot: IdentitySnapshot;
    terminated_at: Date | null;
    updated_at: Date;
  }>('SELECT employee_number, snapshot, terminated_at, updated_at FROM connector_identities WHERE employee_number = ANY ($1::text[])', [
    employeeNumbers,
  ]);
  return new Map(rows.map((row) => [row.employee_number, { snapshot: row.snapshot, terminatedAt: row.terminated_at, at: row.updated_at }]));
}

async function saveSnapshots(client: PoolClient, changed: readonly Folded[]): Promise<void> {
  const rows = changed.map(({ snapshot, terminatedAt, at }) => ({
    identity_id: snapshot.identityId,
    employee_number: snapshot.employeeNumber,
    status: snapshot.status,
    given_name: snapshot.attributes.givenName,
    family_name: snapshot.attributes.familyName,
    email: snapshot.attributes.email,
    user_name: userNameFor(snapshot.attributes.email, snapshot.employeeNumber),
    snapshot,
    terminated_at: terminatedAt?.toISOString() ?? null,
    updated_at: at.toISOString(),
  }));
  await client.query(
    `INSERT INTO connector_identities (identity_id, employee_number, status, given_name, family_name, email, user_name, snapshot,
       terminated_at, updated_at)
     SELECT identity_id, employee_number, status, given_name, family_name, email, user_name, snapshot, terminated_at, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(identity_id text, employee_number text, status text, given_name text, family_name text,
            email text, user_name text, snapshot jsonb, terminated_at timestamptz, updated_at timestamptz)
     ON CONFLICT (employee_number) DO UPDATE SET
       -- Fixed once taken, except across an erasure: it derives from the email, so it is erased with
       -- it, and a rehire after the erasure takes a new one (the same as a rebuild from the log gives).
       user_name = CASE WHEN EXCLUDED.user_name = $2 || EXCLUDED.employee_number
                          OR connector_identities.user_name = $2 || connector_identities.employee_number
                        THEN EXCLUDED.user_name ELSE connector_identities.user_name END,
       identity_id = EXCLUDED.identity_id, status = EXCLUDED.status, given_name = EXCLUDED.given_name,
       family_name = EXCLUDED.family_name, email = EXCLUDED.email, snapshot = EXCLUDED.snapshot,
       terminated_at = EXCLUDED.terminated_at, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows), erasedUserName('')],
  );
}
