import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { accountsProjection } from './accounts/accounts.projection';
import { connectorAssignmentsProjection } from './desired-state/connector-assignments.projection';
import { operationsProjection } from './operations/operations.projection';
import { provisioningTimingsProjection } from './reports/provisioning-timings.projection';
import { CONNECTOR_REPORT_TABLES } from './reports/reports.tables';
import { scriptedConnectorLog, scriptedConnectorLogAsRebuilt } from './testing/scripted-connector-log';

// applyBatch must have the same effect as apply on each event in turn (the Projection contract):
// the scripted log is applied one event at a time and in batches of several sizes, and every table
// is compared. The log as a rebuild after the erasure reads it must give the same rows as the live
// log with its erasure event.
const PROJECTIONS: readonly { readonly projection: Projection; readonly tables: readonly string[] }[] = [
  { projection: operationsProjection, tables: ['connector_operations'] },
  { projection: accountsProjection, tables: ['connector_accounts', 'connector_grants'] },
  { projection: provisioningTimingsProjection, tables: [...CONNECTOR_REPORT_TABLES] },
  { projection: connectorAssignmentsProjection, tables: ['connector_assignments'] },
];
const BATCH_SIZES = [2, 3, 5, 8, 13, 1_000];

describe.each(PROJECTIONS)('$projection.name: applyBatch against apply', ({ projection, tables }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    const client = await database.pool.connect();
    try {
      await projection.setup(client);
    } finally {
      client.release();
    }
  });
  afterAll(() => database.drop());

  /** Rebuilds from nothing: `batchSize` null applies one event per transaction with `apply`. */
  async function project(events: readonly RecordedEvent[], batchSize: number | null): Promise<Record<string, string[]>> {
    const client = await database.pool.connect();
    try {
      await projection.reset(client);
      for (let start = 0; start < events.length; start += batchSize ?? 1) {
        await client.query('BEGIN');
        if (batchSize === null) await projection.apply(events[start]!, client);
        else await projection.applyBatch!(events.slice(start, start + batchSize), client);
        await client.query('COMMIT');
      }
      const snapshot: Record<string, string[]> = {};
      for (const table of tables)
        snapshot[table] = (await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t ORDER BY 1`)).rows.map((r) => r.row);
      return snapshot;
    } finally {
      client.release();
    }
  }

  it('given the scripted log, when applied one event at a time, then the tables hold rows and none of the erased user names', async () => {
    const rows = Object.values(await project(scriptedConnectorLog(), null)).flat();

    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.includes('anna.berg') || row.includes('Anna'))).toEqual([]);
  });

  it.each(BATCH_SIZES)(
    'given the scripted log, when applied in batches of %i, then every table is as one event at a time leaves it',
    async (size) => {
      const one = await project(scriptedConnectorLog(), null);

      expect(await project(scriptedConnectorLog(), size)).toEqual(one);
    },
  );

  it('given the log as a rebuild after the erasure reads it, when applied, then the rows are those the live erasure left', async () => {
    const live = await project(scriptedConnectorLog(), null);

    expect(await project(scriptedConnectorLogAsRebuilt(), null)).toEqual(live);
    expect(await project(scriptedConnectorLogAsRebuilt(), 4)).toEqual(live);
  });
});

describe('the connector projections on the scripted log', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    const client = await database.pool.connect();
    try {
      for (const { projection } of PROJECTIONS) {
        await projection.setup(client);
        await client.query('BEGIN');
        await projection.applyBatch!(scriptedConnectorLog(), client);
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  });
  afterAll(() => database.drop());

  it('given retries, a dead letter, a manual task and an erasure, then each operation stands as its stream says', async () => {
    const { rows } = await database.pool.query(
      `SELECT operation_id, status, attempts, user_name, task_instructions, note FROM connector_operations
        WHERE operation_id IN ('grant.anna-crm', 'grant.anna-badges', 'disable.anna-wiki', 'disable.anna-badges', 'grant.bo-erp', 'drift.orphan')
        ORDER BY operation_id`,
    );
    expect(rows).toEqual([
      {
        operation_id: 'disable.anna-badges',
        status: 'succeeded',
        attempts: 0,
        user_name: 'erased-7001',
        task_instructions: '[erased]',
        note: null,
      },
      { operation_id: 'disable.anna-wiki', status: 'dead', attempts: 1, user_name: null, task_instructions: null, note: null },
      { operation_id: 'drift.orphan', status: 'dismissed', attempts: 0, user_name: 'ghost', task_instructions: null, note: null },
      {
        operation_id: 'grant.anna-badges',
        status: 'succeeded',
        attempts: 0,
        user_name: 'erased-7001',
        task_instructions: '[erased]',
        note: '[erased]',
      },
      { operation_id: 'grant.anna-crm', status: 'succeeded', attempts: 0, user_name: 'erased-7001', task_instructions: null, note: null },
      { operation_id: 'grant.bo-erp', status: 'succeeded', attempts: 0, user_name: 'employee-7002', task_instructions: null, note: null },
    ]);
  });

  it('given the leaver and the review, then the accounts, grants and reclaimed licenses are those the outcomes say', async () => {
    const accounts = await database.pool.query(
      'SELECT application_id, identity_id, user_name, status FROM connector_accounts ORDER BY application_id, identity_id',
    );
    expect(accounts.rows).toEqual([
      { application_id: 'badges', identity_id: 'id-anna', user_name: 'erased-7001', status: 'disabled' },
      { application_id: 'erp', identity_id: 'id-anna', user_name: 'anna.lind', status: 'enabled' },
      { application_id: 'erp', identity_id: 'id-bo', user_name: 'employee-7002', status: 'disabled' },
      { application_id: 'wiki', identity_id: 'id-anna', user_name: 'erased-7001', status: 'enabled' },
    ]);
    const grants = await database.pool.query('SELECT application_id, identity_id, entitlement_key FROM connector_grants ORDER BY 1, 2, 3');
    expect(grants.rows).toEqual([
      { application_id: 'badges', identity_id: 'id-anna', entitlement_key: 'building-a' },
      { application_id: 'erp', identity_id: 'id-anna', entitlement_key: 'reader' },
      { application_id: 'wiki', identity_id: 'id-anna', entitlement_key: 'editor' },
    ]);
    const reclaimed = await database.pool.query(
      'SELECT operation_id, user_name, reclaimed_by FROM connector_licenses_reclaimed ORDER BY 1',
    );
    expect(reclaimed.rows).toEqual([
      { operation_id: 'disable.anna-badges', user_name: 'erased-7001', reclaimed_by: 'leaver' },
      // The target no longer had it, but no seat was seen before: counted, as when made outside Tenure.
      { operation_id: 'disable.anna-crm', user_name: 'erased-7001', reclaimed_by: 'leaver' },
      { operation_id: 'disable.anna-erp', user_name: 'erased-7001', reclaimed_by: 'leaver' },
      { operation_id: 'revoke.bo-erp', user_name: 'employee-7002', reclaimed_by: 'review' },
    ]);
    const late = await database.pool.query(
      "SELECT reason, acknowledged_at IS NOT NULL AS acknowledged FROM connector_provisioning_timings WHERE operation_id = 'grant.anna-crm'",
    );
    const assignments = await database.pool.query(
      "SELECT assignment_id, status, revocation_reason FROM connector_assignments WHERE assignment_id LIKE 'as-bo-%' ORDER BY 1",
    );
    // The first revocation counts; one that came before its addition revoked nothing.
    expect(assignments.rows).toEqual([
      { assignment_id: 'as-bo-erp', status: 'revoked', revocation_reason: 'review' },
      { assignment_id: 'as-bo-wiki', status: 'active', revocation_reason: null },
    ]);
    // The decision came after the request: its time stands in by the request's, and no reason.
    expect(late.rows).toEqual([{ reason: null, acknowledged: true }]);
  });
});
