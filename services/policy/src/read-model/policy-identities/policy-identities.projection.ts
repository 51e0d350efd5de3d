import { foldIdentityBatch, identityEventsByEmployee, IDENTITY_STREAM_PREFIX, type IdentitySnapshot } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { CREATE_POLICY_IDENTITIES } from './policy-identities.table';

/**
 * Keeps `policy_identities` from the identity streams with the published contract's fold. A batch
 * reads each identity's snapshot once and writes all changed rows in one statement (a large HR
 * import arrives as thousands of events).
 */
export const policyIdentitiesProjection: Projection = {
  name: 'policy-identities',
  filter: { streamPrefixes: [IDENTITY_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_POLICY_IDENTITIES);
  },
  async reset(client) {
    await client.query('TRUNCATE policy_identities');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const before = await loadSnapshots(client, [...identityEventsByEmployee(events).keys()]);
  const changed = foldIdentityBatch(events, before);
  if (changed.length > 0) await saveSnapshots(client, changed);
}

async function loadSnapshots(client: PoolClient, employeeNumbers: readonly string[]): Promise<Map<string, IdentitySnapshot>> {
  const { rows } = await client.query<{ employee_number: string; snapshot: IdentitySnapshot }>(
    'SELECT employee_number, snapshot FROM policy_identities WHERE employee_number = ANY ($1::text[])',
    [employeeNumbers],
  );
  return new Map(rows.map((row) => [row.employee_number, row.snapshot]));
}

async function saveSnapshots(client: PoolClient, changed: readonly { snapshot: IdentitySnapshot; at: Date }[]): Promise<void> {
  const rows = changed.map(({ snapshot, at }) => ({
    employee_number: snapshot.employeeNumber,
    identity_id: snapshot.identityId,
    status: snapshot.status,
    department: snapshot.attributes.department,
    title: snapshot.attributes.title,
    location: snapshot.attributes.location,
    cost_center: snapshot.attributes.costCenter,
    employment_type: snapshot.attributes.employmentType,
    manager_employee_number: snapshot.attributes.managerEmployeeNumber,
    custom: snapshot.attributes.custom,
    snapshot,
    updated_at: at.toISOString(),
  }));
  await client.query(
    `INSERT INTO policy_identities (employee_number, identity_id, status, department, title, location, cost_center, employment_type,
       manager_employee_number, custom, snapshot, updated_at)
     SELECT employee_number, identity_id, status, department, title, location, cost_center, employment_type,
            manager_employee_number, custom, snapshot, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(employee_number text, identity_id text, status text, department text, title text,
            location text, cost_center text, employment_type text, manager_employee_number text, custom jsonb, snapshot jsonb,
            updated_at timestamptz)
     ON CONFLICT (employee_number) DO UPDATE SET
       identity_id = EXCLUDED.identity_id, status = EXCLUDED.status, department = EXCLUDED.department, title = EXCLUDED.title,
       location = EXCLUDED.location, cost_center = EXCLUDED.cost_center, employment_type = EXCLUDED.employment_type,
       manager_employee_number = EXCLUDED.manager_employee_number, custom = EXCLUDED.custom, snapshot = EXCLUDED.snapshot,
       updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows)],
  );
}
