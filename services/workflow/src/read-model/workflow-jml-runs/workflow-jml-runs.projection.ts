import {
  ASSIGNMENTS_STREAM_PREFIX,
  IDENTITY_STREAM_PREFIX,
  KILL_SWITCH_STREAM_PREFIX,
  OPERATION_STREAM_PREFIX,
  type PublishedIdentityEvent,
  type PublishedKillSwitchPlanned,
  type PublishedOperationOutcome,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import { applyJmlRunsBatch, RUN_KIND_OF_TRIGGER } from './workflow-jml-runs.batch';
import { CREATE_WORKFLOW_JML_RUNS, type JmlRunItemKind } from './workflow-jml-runs.table';

const HANDLED: readonly string[] = [
  ...Object.keys(RUN_KIND_OF_TRIGGER),
  ...([
    'AssignmentAdded',
    'AssignmentRevoked',
    'IdentityMarkedTerminated',
    'AssignmentProvisioned',
    'AssignmentRevocationAcknowledged',
    'AssignmentProvisioningFailed',
  ] satisfies AssignmentsEvent['type'][]),
  'KillSwitchPlanned' satisfies PublishedKillSwitchPlanned['type'],
  ...(['AccountDisabled', 'OperationFailed'] satisfies PublishedOperationOutcome['type'][]),
];

/**
 * Keeps `workflow_jml_runs`. Which work belongs to which run: the birthright process records the
 * identity event it answers as the causation of every assignment event (so nothing new is needed
 * in the birthright process), and the connector's KillSwitchPlanned names the termination. For a
 * leaver, IdentityMarkedTerminated closes the list of revocations (they are appended with it) and
 * KillSwitchPlanned the list of disables; a disable's outcome may be in the log before its plan, so
 * account outcomes are kept until a plan asks for them. A joiner or mover whose birthright changed
 * nothing has no run: there is nothing to wait for. A batch (a replay, a burst) is folded in memory
 * and recounted once per run: see the batch file.
 */
export const workflowJmlRunsProjection: Projection = {
  name: 'workflow-jml-runs',
  filter: {
    streamPrefixes: [IDENTITY_STREAM_PREFIX, ASSIGNMENTS_STREAM_PREFIX, KILL_SWITCH_STREAM_PREFIX, OPERATION_STREAM_PREFIX],
    eventTypes: HANDLED,
  },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_JML_RUNS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_jml_triggers, workflow_jml_runs, workflow_jml_run_items, workflow_jml_account_outcomes');
  },
  apply: applyEvent,
  applyBatch: (events, client) => applyJmlRunsBatch(events, client, recompute),
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  if (recorded.streamId.startsWith(IDENTITY_STREAM_PREFIX)) return recordTrigger(recorded, client);
  if (recorded.streamId.startsWith(KILL_SWITCH_STREAM_PREFIX)) return applyKillSwitch(recorded, client);
  if (recorded.streamId.startsWith(OPERATION_STREAM_PREFIX)) return applyAccountOutcome(recorded, client);
  const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
  const cause = recorded.metadata.causationId;
  switch (event.type) {
    case 'AssignmentAdded':
    case 'AssignmentRevoked': {
      const runId = cause ? await ensureRun(client, cause, event.data.identityId) : null;
      if (!runId) return;
      const kind: JmlRunItemKind = event.type === 'AssignmentAdded' ? 'grant' : 'revoke';
      await client.query(
        `INSERT INTO workflow_jml_run_items (run_id, item_kind, item_id, state) VALUES ($1, $2, $3, 'pending') ON CONFLICT DO NOTHING`,
        [runId, kind, event.data.assignmentId],
      );
      return recompute(client, [runId]);
    }
    case 'IdentityMarkedTerminated': {
      const runId = cause ? await ensureRun(client, cause, event.data.identityId) : null;
      if (!runId) return;
      await client.query('UPDATE workflow_jml_runs SET assignments_planned = true WHERE run_id = $1', [runId]);
      return recompute(client, [runId]);
    }
    case 'AssignmentProvisioned':
      return settleItems(client, 'grant', event.data.assignmentId, 'acknowledged', event.data.acknowledgedAt);
    case 'AssignmentRevocationAcknowledged':
      return settleItems(client, 'revoke', event.data.assignmentId, 'acknowledged', event.data.acknowledgedAt);
    case 'AssignmentProvisioningFailed':
      return settleItems(client, event.data.action, event.data.assignmentId, 'failed', event.data.failedAt);
    default:
      return;
  }
}

async function recordTrigger(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as PublishedIdentityEvent;
  if (!RUN_KIND_OF_TRIGGER[event.type]) return;
  await client.query(
    `INSERT INTO workflow_jml_triggers (event_id, identity_id, type, occurred_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [recorded.metadata.eventId, event.data.identityId, event.type, recorded.metadata.occurredAt],
  );
}

async function applyKillSwitch(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const { data } = { type: recorded.type, data: recorded.data } as PublishedKillSwitchPlanned;
  const runId = await ensureRun(client, data.terminationEventId, data.identityId);
  if (!runId) return;
  // Disables already done (or given up) before the plan was read count at once.
  await client.query(
    `INSERT INTO workflow_jml_run_items (run_id, item_kind, item_id, state, at)
     SELECT $1, 'disable', planned.operation_id, COALESCE(outcome.state, 'pending'), outcome.at
       FROM unnest($2::text[]) AS planned(operation_id)
       LEFT JOIN workflow_jml_account_outcomes outcome ON outcome.operation_id = planned.operation_id
     ON CONFLICT DO NOTHING`,
    [runId, data.operationIds],
  );
  await client.query('UPDATE workflow_jml_runs SET disables_planned = true WHERE run_id = $1', [runId]);
  await recompute(client, [runId]);
}

async function applyAccountOutcome(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const outcome = { type: recorded.type, data: recorded.data } as PublishedOperationOutcome;
  if (outcome.data.action !== 'disable-account') return;
  const [state, at] = outcome.type === 'OperationFailed' ? ['failed', outcome.data.failedAt] : ['acknowledged', outcome.data.completedAt];
  // A disable retried after a failure and then done is acknowledged; nothing turns it back to failed.
  await client.query(
    `INSERT INTO workflow_jml_account_outcomes (operation_id, state, at) VALUES ($1, $2, $3)
     ON CONFLICT (operation_id) DO UPDATE SET state = EXCLUDED.state, at = EXCLUDED.at
       WHERE workflow_jml_account_outcomes.state <> 'acknowledged'`,
    [outcome.data.operationId, state, at],
  );
  await settleItems(client, 'disable', outcome.data.operationId, state, at);
}

/** The run a trigger started, created on the first work it caused; null when the cause is no JML trigger of this identity. */
async function ensureRun(client: PoolClient, triggerEventId: string, identityId: string): Promise<string | null> {
  const { rows } = await client.query<{ type: string; occurred_at: Date }>(
    'SELECT type, occurred_at FROM workflow_jml_triggers WHERE event_id = $1 AND identity_id = $2',
    [triggerEventId, identityId],
  );
  const trigger = rows[0];
  // Caused by a policy publication, a manager's change, a request...: not this identity's JML run.
  if (!trigger) return null;
  const kind = RUN_KIND_OF_TRIGGER[trigger.type]!;
  // A joiner's or mover's work is appended at once, before any acknowledgement of it; a leaver's
  // comes from two places, each closing its own part.
  const planned = kind !== 'leaver';
  await client.query(
    `INSERT INTO workflow_jml_runs (run_id, kind, identity_id, trigger_event_id, trigger_type, started_at, assignments_planned, disables_planned)
     VALUES ($1, $2, $3, $1, $4, $5, $6, $6) ON CONFLICT DO NOTHING`,
    [triggerEventId, kind, identityId, trigger.type, trigger.occurred_at, planned],
  );
  return triggerEventId;
}

async function settleItems(client: PoolClient, kind: JmlRunItemKind, itemId: string, state: string, at: string): Promise<void> {
  const { rows } = await client.query<{ run_id: string }>(
    `UPDATE workflow_jml_run_items SET state = $3, at = $4 WHERE item_kind = $1 AND item_id = $2 AND state <> 'acknowledged' RETURNING run_id`,
    [kind, itemId, state, at],
  );
  await recompute(
    client,
    rows.map((row) => row.run_id),
  );
}

/** Counts and, once everything planned is settled, the completion: the last acknowledgement (or failure) ends the run. */
async function recompute(client: PoolClient, runIds: readonly string[]): Promise<void> {
  if (runIds.length === 0) return;
  await client.query(
    `WITH counts AS (
       SELECT run.run_id,
              count(item.item_id)::int AS expected,
              count(item.item_id) FILTER (WHERE item.state = 'acknowledged')::int AS acknowledged,
              count(item.item_id) FILTER (WHERE item.state = 'failed')::int AS failed,
              count(item.item_id) FILTER (WHERE item.state = 'pending')::int AS pending,
              COALESCE(max(item.at), run.started_at) AS last_at,
              run.assignments_planned AND run.disables_planned AS planned
         FROM workflow_jml_runs run LEFT JOIN workflow_jml_run_items item ON item.run_id = run.run_id
        WHERE run.run_id = ANY($1::text[])
        GROUP BY run.run_id)
     UPDATE workflow_jml_runs run
        SET expected = counts.expected, acknowledged = counts.acknowledged, failed = counts.failed,
            status = CASE WHEN counts.planned AND counts.pending = 0
                          THEN CASE WHEN counts.failed > 0 THEN 'completed-with-failures' ELSE 'completed' END
                          ELSE 'in-progress' END,
            completed_at = CASE WHEN counts.planned AND counts.pending = 0 THEN counts.last_at END,
            duration_ms = CASE WHEN counts.planned AND counts.pending = 0
                               THEN round(extract(epoch FROM counts.last_at - run.started_at) * 1000)::bigint END
       FROM counts WHERE run.run_id = counts.run_id`,
    [runIds],
  );
}
