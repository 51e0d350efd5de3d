import type { RecordedEvent } from '@tenure/event-sourcing';
import { migrate, type Projection } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import type { PoolClient } from 'pg';
import { lifecycleTraffic } from '../../testing/lifecycle-traffic';
import { workflowAssignmentHistoryProjection } from '../workflow-assignment-history';
import { ASSIGNMENT_EXPIRY_TIMER, workflowAssignmentsProjection } from '../workflow-assignments/workflow-assignments.projection';
import { workflowJmlRunsProjection } from '../workflow-jml-runs';
import { APPROVAL_ESCALATION_TIMER, workflowRequestsProjection } from '../workflow-requests';
import { REVIEW_DEADLINE_TIMER, REVIEW_REMINDER_TIMER, workflowReviewsProjection } from '../workflow-reviews/workflow-reviews.projection';
import { matchesFilter, snapshotReadModel, type ReadModelTables } from './read-model-snapshot';

interface Case {
  readonly projection: Projection;
  readonly tables: ReadModelTables;
  /** Facts about the sequential result that show the script reached the paths worth comparing. */
  readonly coverage: (snapshot: Awaited<ReturnType<typeof snapshotReadModel>>) => void;
}

const statuses = (rows: readonly Record<string, unknown>[], column: string) => new Set(rows.map((row) => row[column]));

const CASES: readonly Case[] = [
  {
    projection: workflowJmlRunsProjection,
    tables: {
      tables: ['workflow_jml_triggers', 'workflow_jml_runs', 'workflow_jml_run_items', 'workflow_jml_account_outcomes'],
      timerKinds: [],
    },
    coverage: ({ tables }) => {
      const runs = tables['workflow_jml_runs']!;
      expect(statuses(runs, 'kind')).toEqual(new Set(['joiner', 'mover', 'leaver']));
      expect(statuses(runs, 'status')).toEqual(new Set(['in-progress', 'completed', 'completed-with-failures']));
      expect(statuses(tables['workflow_jml_run_items']!, 'item_kind')).toEqual(new Set(['grant', 'revoke', 'disable']));
    },
  },
  {
    projection: workflowAssignmentHistoryProjection,
    tables: { tables: ['workflow_assignment_history', 'workflow_assignment_history_identities'], timerKinds: [] },
    coverage: ({ tables }) => {
      const history = tables['workflow_assignment_history']!;
      expect(history.some((row) => (row['extensions'] as unknown[]).length > 1)).toBe(true);
      expect(history.some((row) => row['revocation_acknowledged_at'] !== null)).toBe(true);
      expect(statuses(history, 'source_kind')).toEqual(new Set(['birthright', 'request']));
      expect(history.some((row) => row['revoked_at'] === null)).toBe(true);
    },
  },
  {
    projection: workflowAssignmentsProjection,
    tables: { tables: ['workflow_assignments'], timerKinds: [ASSIGNMENT_EXPIRY_TIMER] },
    coverage: ({ tables, timers }) => {
      expect(statuses(tables['workflow_assignments']!, 'status')).toEqual(
        new Set(['pending-provisioning', 'active', 'revoking', 'revoked']),
      );
      expect(timers.length).toBeGreaterThan(0);
    },
  },
  {
    projection: workflowRequestsProjection,
    tables: { tables: ['workflow_access_requests'], timerKinds: [APPROVAL_ESCALATION_TIMER] },
    coverage: ({ tables, timers }) => {
      expect(statuses(tables['workflow_access_requests']!, 'status')).toEqual(new Set(['pending', 'granted']));
      expect(timers.length).toBeGreaterThan(0);
    },
  },
  {
    projection: workflowReviewsProjection,
    tables: { tables: ['workflow_review_campaigns', 'workflow_review_items'], timerKinds: [REVIEW_REMINDER_TIMER, REVIEW_DEADLINE_TIMER] },
    coverage: ({ tables, timers }) => {
      expect(statuses(tables['workflow_review_campaigns']!, 'status')).toEqual(new Set(['open', 'closed']));
      expect(statuses(tables['workflow_review_items']!, 'status')).toEqual(new Set(['pending', 'decided', 'withdrawn', 'defaulted']));
      expect(tables['workflow_review_items']!.some((item) => item['reassigned_from'] !== null)).toBe(true);
      expect(statuses(timers, 'kind')).toEqual(new Set([REVIEW_REMINDER_TIMER, REVIEW_DEADLINE_TIMER]));
    },
  },
];

// Each projection's applyBatch against its own apply, event by event, on the same scripted log:
// every table and every timer of its kinds must end identical, whatever the batch size (1 goes
// through apply, as the runner does for a batch of one).
describe('applyBatch of the workflow projections', () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;
  let client: PoolClient;
  const log = lifecycleTraffic(100);

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
    client = await database.pool.connect();
  });

  afterAll(async () => {
    client?.release();
    await database?.drop();
  });

  async function rebuild(projection: Projection, events: readonly RecordedEvent[], batchSize: number | 'one-by-one') {
    await projection.setup(client);
    await projection.reset(client);
    if (batchSize === 'one-by-one') {
      for (const event of events) await projection.apply(event, client);
      return;
    }
    for (let start = 0; start < events.length; start += batchSize) {
      const batch = events.slice(start, start + batchSize);
      await client.query('BEGIN');
      if (batch.length > 1) await projection.applyBatch!(batch, client);
      else await projection.apply(batch[0]!, client);
      await client.query('COMMIT');
    }
  }

  describe.each(CASES.map((testCase) => [testCase.projection.name, testCase] as const))('%s', (_name, { projection, tables, coverage }) => {
    const events = log.filter((event) => matchesFilter(projection.filter, event));

    it('given a scripted lifecycle log, when applied one event at a time, then it reaches every path the batches are compared on', async () => {
      await rebuild(projection, events, 'one-by-one');
      coverage(await snapshotReadModel(client, tables));
    });

    it.each([1, 2, 7, 500])(
      'given the same log, when applied in batches of %i, then every table and timer is as after one event at a time',
      async (batchSize) => {
        await rebuild(projection, events, 'one-by-one');
        const expected = await snapshotReadModel(client, tables);
        await rebuild(projection, events, batchSize);
        expect(await snapshotReadModel(client, tables)).toEqual(expected);
      },
    );

    it('given the log delivered twice, when applied in batches, then the tables and timers are as after one event at a time', async () => {
      const twice = [...events, ...events];
      await rebuild(projection, twice, 'one-by-one');
      const expected = await snapshotReadModel(client, tables);
      await rebuild(projection, twice, 500);
      expect(await snapshotReadModel(client, tables)).toEqual(expected);
    });
  });
});
