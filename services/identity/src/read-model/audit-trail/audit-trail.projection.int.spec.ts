import type { Actor, NewEvent } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, rebuildProjection, sqlArray } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { auditTrailProjection } from './audit-trail.projection';

const WORKFLOW: Actor = { kind: 'service', id: 'workflow' };

/** The audit trail's batched path must index exactly what the per-event path indexes, and again the same when replayed. */
describe('audit trail projection: batched, per-event and repeated application agree', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let sequence = 0;

  function event(type: string, data: Record<string, unknown>): NewEvent {
    sequence++;
    return {
      type,
      data,
      metadata: {
        eventId: `evt-${sequence}`,
        correlationId: 'batch-test',
        causationId: sequence > 1 ? `evt-${sequence - 1}` : null,
        actor: WORKFLOW,
        occurredAt: new Date(Date.UTC(2026, 10, 1, 0, sequence)).toISOString(),
      },
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    for (let n = 0; n < 20; n++) {
      const identityId = `id-${n % 5}`;
      const assignment = { assignmentId: `asg-${n}`, identityId, applicationId: `app-${n % 3}`, entitlementKey: `ent-${n % 2}` };
      await store.appendToStream(`assignments-${identityId}`, [
        event('AssignmentAdded', { ...assignment, source: { kind: 'birthright', policyVersion: 1 } }),
      ]);
      await store.appendToStream(`review-campaign-c${n}`, [
        event('ReviewCampaignStarted', { campaignId: `c${n}`, items: [{ itemId: 'i1', ...assignment }] }),
        event('ReviewItemWithdrawn', { campaignId: `c${n}`, itemId: 'i1', reason: 'subject-left' }),
      ]);
      await store.appendToStream(`operation-op-${n}`, [
        event('OperationRequested', { operationId: `op-${n}`, action: 'grant', ...assignment }),
        event('OperationAttemptFailed', { operationId: `op-${n}`, message: 'timeout' }),
      ]);
      await store.appendToStream(`assignments-${identityId}`, [
        event('AssignmentProvisioned', { assignmentId: `asg-${n}`, identityId, operationId: `op-${n}` }),
      ]);
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  async function snapshot() {
    const { rows } = await database.pool.query(
      `SELECT i.commit_position::text, i.prepare_position::text, e.event_id, i.occurred_at, i.identity_id, i.application_id, i.entitlement_key
         FROM audit_trail_index i
         JOIN tenure_events e ON e.transaction_id = i.commit_position::text::xid8 AND e.global_position = i.prepare_position
        ORDER BY i.commit_position, i.prepare_position, i.identity_id, i.application_id NULLS FIRST, i.entitlement_key NULLS FIRST`,
    );
    return rows;
  }

  it('given events across contexts, then a rebuild in batches of 500 equals one in batches of 1, and applying a batch again changes nothing', async () => {
    await rebuildProjection(store.pool, store.wakeups, auditTrailProjection, { batchSize: 1 });
    const oneByOne = await snapshot();
    await rebuildProjection(store.pool, store.wakeups, auditTrailProjection, { batchSize: 500 });
    const batched = await snapshot();
    const client = await database.pool.connect();
    try {
      await auditTrailProjection.applyBatch!(await store.readAll(), client);
    } finally {
      client.release();
    }
    const repeated = await snapshot();

    expect(oneByOne.length).toBeGreaterThan(100);
    expect(batched).toEqual(oneByOne);
    expect(repeated).toEqual(oneByOne);
  });

  it('given the log indexed already, when it is applied again inside a transaction, then the events indexed are skipped and nothing changes', async () => {
    await rebuildProjection(store.pool, store.wakeups, auditTrailProjection, { batchSize: 500 });
    const before = await snapshot();
    const { rows: referencesBefore } = await database.pool.query('SELECT * FROM audit_trail_references ORDER BY kind, reference_id');
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await auditTrailProjection.applyBatch!(await store.readAll(), client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const { rows: referencesAfter } = await database.pool.query('SELECT * FROM audit_trail_references ORDER BY kind, reference_id');

    expect(before.length).toBeGreaterThan(100);
    expect(await snapshot()).toEqual(before);
    expect(referencesAfter).toEqual(referencesBefore);
  });

  it('given ids plain, with quotes, backslashes, commas, braces, white space, empty or spelling NULL, when sent as array literals, then PostgreSQL reads them back unchanged', async () => {
    const values = ['plain', 'id-1:x/y', 'say "hi"', 'a\\b', '{x,y}', 'NULL', 'null', ' spaced ', 'tab\tand\nline', '', 'é ü 名', null];

    const { rows } = await database.pool.query<{ value: string | null }>('SELECT unnest($1::text[]) AS value', [sqlArray(values)]);

    expect(rows.map((row) => row.value)).toEqual(values);
  });

  it('given events naming only an operation or a review item, then they are indexed under the entitlement the operation or item concerns', async () => {
    const { rows } = await database.pool.query<{ event_id: string }>(
      `SELECT DISTINCT e.event_id FROM audit_trail_index i
         JOIN tenure_events e ON e.transaction_id = i.commit_position::text::xid8 AND e.global_position = i.prepare_position
        WHERE i.application_id = 'app-0' AND i.entitlement_key = 'ent-0' AND e.type IN ('OperationAttemptFailed', 'ReviewItemWithdrawn')`,
    );

    // Assignments 0, 6, 12 and 18 are app-0 / ent-0: one failed attempt and one withdrawn item each.
    expect(rows).toHaveLength(8);
  });

  it('given the layout before the index by position (an event id per row, a unique index led by the identity), when set up, then the rows stay and the indexes are those of today', async () => {
    // Given: a copy of the older layout in a schema of its own, holding one row.
    const client = await database.pool.connect();
    try {
      await client.query('CREATE SCHEMA audit_old; SET search_path = audit_old, public');
      await client.query(
        `CREATE TABLE audit_trail_index (commit_position bigint NOT NULL, prepare_position bigint NOT NULL, event_id text NOT NULL,
           occurred_at timestamptz NOT NULL, identity_id text, application_id text, entitlement_key text);
         CREATE UNIQUE INDEX audit_trail_index_subject
           ON audit_trail_index (identity_id, commit_position, prepare_position, application_id, entitlement_key) NULLS NOT DISTINCT;
         CREATE INDEX audit_trail_index_identity ON audit_trail_index (identity_id, commit_position DESC, prepare_position DESC);
         INSERT INTO audit_trail_index VALUES (7, 1, 'evt-x', '2026-11-01T00:00:00Z', 'id-1', NULL, NULL);`,
      );

      // When
      await auditTrailProjection.setup(client);

      // Then
      const { rows: kept } = await client.query('SELECT * FROM audit_trail_index');
      const { rows: indexes } = await client.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = 'audit_old' AND tablename = 'audit_trail_index' ORDER BY indexname`,
      );
      expect(kept).toEqual([
        {
          commit_position: '7',
          prepare_position: '1',
          occurred_at: new Date('2026-11-01T00:00:00Z'),
          identity_id: 'id-1',
          application_id: null,
          entitlement_key: null,
        },
      ]);
      expect(indexes.map((row) => row.indexdef.replace(' ON audit_old.audit_trail_index USING btree', ''))).toEqual([
        'CREATE INDEX audit_trail_index_application (application_id, entitlement_key, commit_position, prepare_position) WHERE (application_id IS NOT NULL)',
        'CREATE INDEX audit_trail_index_identity (identity_id, commit_position, prepare_position)',
        'CREATE INDEX audit_trail_index_position (commit_position, prepare_position)',
      ]);
    } finally {
      await client.query('RESET search_path; DROP SCHEMA audit_old CASCADE');
      client.release();
    }
  });
});
