import type { RecordedEvent } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, rebuildProjection, type Projection } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { lifecycleTraffic } from '../../testing/lifecycle-traffic';
import { workflowAssignmentHistoryProjection } from '../workflow-assignment-history';
import { ASSIGNMENT_EXPIRY_TIMER, workflowAssignmentsProjection } from '../workflow-assignments/workflow-assignments.projection';
import { workflowJmlRunsProjection } from '../workflow-jml-runs';
import { APPROVAL_ESCALATION_TIMER, workflowRequestsProjection } from '../workflow-requests';
import { REVIEW_DEADLINE_TIMER, REVIEW_REMINDER_TIMER, workflowReviewsProjection } from '../workflow-reviews/workflow-reviews.projection';
import { snapshotReadModel, type ReadModelTables } from './read-model-snapshot';

const PROJECTIONS: readonly (readonly [Projection, ReadModelTables])[] = [
  [
    workflowJmlRunsProjection,
    {
      tables: ['workflow_jml_triggers', 'workflow_jml_runs', 'workflow_jml_run_items', 'workflow_jml_account_outcomes'],
      timerKinds: [],
    },
  ],
  [
    workflowAssignmentHistoryProjection,
    { tables: ['workflow_assignment_history', 'workflow_assignment_history_identities'], timerKinds: [] },
  ],
  [workflowAssignmentsProjection, { tables: ['workflow_assignments'], timerKinds: [ASSIGNMENT_EXPIRY_TIMER] }],
  [workflowRequestsProjection, { tables: ['workflow_access_requests'], timerKinds: [APPROVAL_ESCALATION_TIMER] }],
  [
    workflowReviewsProjection,
    { tables: ['workflow_review_campaigns', 'workflow_review_items'], timerKinds: [REVIEW_REMINDER_TIMER, REVIEW_DEADLINE_TIMER] },
  ],
];

/**
 * Appends the scripted log as the services would have, in log order (a run of one stream in one
 * call). The store keeps one copy of an event delivered twice, so the repeats are left out.
 */
async function appendLog(store: PostgresEventStore, log: readonly RecordedEvent[]): Promise<void> {
  const seen = new Set<string>();
  const events = log.filter((event) => !seen.has(event.metadata.eventId) && seen.add(event.metadata.eventId));
  for (let start = 0; start < events.length;) {
    let end = start + 1;
    while (end < events.length && events[end]!.streamId === events[start]!.streamId) end += 1;
    const run = events.slice(start, end);
    await store.appendToStream(
      run[0]!.streamId,
      run.map(({ type, data, metadata }) => ({ type, data, metadata })),
    );
    start = end;
  }
}

// Through the real runner (rebuildProjection: log reads, checkpoints, batches of 1,000): the rebuilt
// tables must not depend on whether the projection has applyBatch, and the run reports both rates
// on this machine, the replay benchmark's measure for each projection.
describe('rebuilding the workflow projections with and without applyBatch', () => {
  jest.setTimeout(300_000);
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    await appendLog(store, lifecycleTraffic(Number(process.env['WORKFLOW_REBUILD_PEOPLE'] ?? 150)));
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it.each(PROJECTIONS.map(([projection, tables]) => [projection.name, projection, tables] as const))(
    'given a scripted lifecycle log in the store, when %s is rebuilt event by event and in batches, then both builds are identical',
    async (name, projection, tables) => {
      const { applyBatch: _batched, ...eventByEvent } = projection;
      const before = await rebuildProjection(store.pool, store.wakeups, eventByEvent);
      const client = await store.pool.connect();
      try {
        const expected = await snapshotReadModel(client, tables);
        const after = await rebuildProjection(store.pool, store.wakeups, projection);
        expect(after.applied).toBe(before.applied);
        expect(await snapshotReadModel(client, tables)).toEqual(expected);
        const rate = (result: { applied: number; seconds: number }) => Math.round(result.applied / result.seconds);
        process.stderr.write(
          `${name}: ${after.applied} events, apply ${rate(before)} events/s, applyBatch ${rate(after)} events/s (x${(rate(after) / rate(before)).toFixed(1)})\n`,
        );
      } finally {
        client.release();
      }
    },
  );
});
