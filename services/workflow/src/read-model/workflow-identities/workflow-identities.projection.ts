import {
  foldIdentityBatch,
  identityEventsByEmployee,
  IDENTITY_STREAM_PREFIX,
  PERSONAL_DATA_ERASED,
  PUBLISHED_IDENTITY_EVENT_TYPES,
  type IdentitySnapshot,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { CREATE_WORKFLOW_IDENTITIES } from './workflow-identities.table';

/**
 * Keeps `workflow_identities` from the identity streams with the published contract's fold. A batch
 * reads each identity's snapshot once and writes the changed rows in one statement (a large HR
 * import arrives as thousands of events).
 */
export const workflowIdentitiesProjection: Projection = {
  name: 'workflow-identities',
  // The erasure too: the snapshot keeps names and email, which it must blank (docs/personal-data.md).
  filter: { streamPrefixes: [IDENTITY_STREAM_PREFIX], eventTypes: [...PUBLISHED_IDENTITY_EVENT_TYPES, PERSONAL_DATA_ERASED] },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_IDENTITIES);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_identities');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ employee_number: string; snapshot: IdentitySnapshot }>(
    'SELECT employee_number, snapshot FROM workflow_identities WHERE employee_number = ANY ($1::text[])',
    [[...identityEventsByEmployee(events).keys()]],
  );
  const changed = foldIdentityBatch(events, new Map(rows.map((row) => [row.employee_number, row.snapshot])));
  if (changed.length === 0) return;
  const records = changed.map(({ snapshot, at }) => ({
    employee_number: snapshot.employeeNumber,
    identity_id: snapshot.identityId,
    status: snapshot.status,
    manager_employee_number: snapshot.attributes.managerEmployeeNumber,
    snapshot,
    updated_at: at.toISOString(),
  }));
  await client.query(
    `INSERT INTO workflow_identities (employee_number, identity_id, status, manager_employee_number, snapshot, updated_at)
     SELECT employee_number, identity_id, status, manager_employee_number, snapshot, updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(employee_number text, identity_id text, status text, manager_employee_number text,
            snapshot jsonb, updated_at timestamptz)
     ON CONFLICT (employee_number) DO UPDATE SET
       identity_id = EXCLUDED.identity_id, status = EXCLUDED.status, manager_employee_number = EXCLUDED.manager_employee_number,
       snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(records)],
  );
}
