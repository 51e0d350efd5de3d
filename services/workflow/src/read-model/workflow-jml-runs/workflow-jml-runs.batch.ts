import {
  IDENTITY_STREAM_PREFIX,
  KILL_SWITCH_STREAM_PREFIX,
  OPERATION_STREAM_PREFIX,
  type PublishedKillSwitchPlanned,
  type PublishedOperationOutcome,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import { loadRows, upsertRows, type JsonRow } from '../batch/table-rows';
import type { JmlRunItemKind, JmlRunKind } from './workflow-jml-runs.table';

export const RUN_KIND_OF_TRIGGER: Readonly<Record<string, JmlRunKind>> = {
  IdentityActivated: 'joiner',
  IdentityMoved: 'mover',
  IdentityTerminated: 'leaver',
};

const TRIGGER_COLUMNS = ['event_id', 'identity_id', 'type', 'occurred_at'] as const;
const RUN_KEY_COLUMNS = ['run_id', 'kind', 'identity_id', 'trigger_event_id', 'trigger_type', 'started_at'] as const;
const ITEM_COLUMNS = ['run_id', 'item_kind', 'item_id', 'state', 'at'] as const;
const OUTCOME_COLUMNS = ['operation_id', 'state', 'at'] as const;

interface Run {
  readonly row: JsonRow;
  changed: boolean;
}

/** What the batch read and changed of the four tables, keyed as their primary keys. */
interface BatchState {
  readonly triggers: Map<string, JsonRow>;
  readonly newTriggers: JsonRow[];
  readonly runs: Map<string, Run>;
  /** `<run>|<kind>|<item>` → item row. */
  readonly items: Map<string, JsonRow>;
  /** `<kind>|<item>` → the item keys of every run waiting for it. */
  readonly itemsByWork: Map<string, Set<string>>;
  readonly changedItems: Set<string>;
  readonly outcomes: Map<string, JsonRow>;
  readonly changedOutcomes: Set<string>;
  /** Runs whose counts and completion must be recomputed. */
  readonly touchedRuns: Set<string>;
}

/**
 * The batch form of the workflow-jml-runs projection. The triggers, runs, items and account outcomes
 * the batch can reach are read once (one query each), the events are folded in memory with the
 * per-event statements' conditions, the changed rows are written in one statement per table, and the
 * counts and completion are recomputed once for every run touched (they depend only on the final
 * items and plans, and no event reads them).
 */
export async function applyJmlRunsBatch(
  events: readonly RecordedEvent[],
  client: PoolClient,
  recompute: (client: PoolClient, runIds: readonly string[]) => Promise<void>,
): Promise<void> {
  const state = await loadState(events, client);
  for (const event of events) foldEvent(event, state);
  await upsertRows(client, 'workflow_jml_triggers', ['event_id'], TRIGGER_COLUMNS, state.newTriggers);
  await writeRuns(
    client,
    [...state.runs.values()].filter((run) => run.changed).map((run) => run.row),
  );
  await upsertRows(client, 'workflow_jml_account_outcomes', ['operation_id'], OUTCOME_COLUMNS, pick(state.outcomes, state.changedOutcomes));
  await upsertRows(
    client,
    'workflow_jml_run_items',
    ['run_id', 'item_kind', 'item_id'],
    ITEM_COLUMNS,
    pick(state.items, state.changedItems),
  );
  await recompute(client, [...state.touchedRuns]);
}

async function loadState(events: readonly RecordedEvent[], client: PoolClient): Promise<BatchState> {
  const causes = new Set<string>();
  const workIds = new Set<string>();
  const operationIds = new Set<string>();
  for (const event of events) {
    if (event.streamId.startsWith(IDENTITY_STREAM_PREFIX)) continue;
    if (event.streamId.startsWith(KILL_SWITCH_STREAM_PREFIX)) {
      const plan = event.data as PublishedKillSwitchPlanned['data'];
      causes.add(plan.terminationEventId);
      for (const operationId of plan.operationIds) operationIds.add(operationId);
    } else if (event.streamId.startsWith(OPERATION_STREAM_PREFIX)) {
      const { operationId } = event.data as PublishedOperationOutcome['data'];
      operationIds.add(operationId);
      workIds.add(operationId);
    } else {
      if (event.metadata.causationId) causes.add(event.metadata.causationId);
      const { assignmentId } = event.data as { assignmentId?: string };
      if (assignmentId !== undefined) workIds.add(assignmentId);
    }
  }
  for (const operationId of operationIds) workIds.add(operationId);
  // One client runs one statement at a time: four reads, one after the other.
  const triggers = await loadRows(
    client,
    'workflow_jml_triggers',
    'event_id = ANY ($1::text[])',
    [[...causes]],
    (row) => row['event_id'] as string,
  );
  const runs = await loadRows(client, 'workflow_jml_runs', 'run_id = ANY ($1::text[])', [[...causes]], (row) => row['run_id'] as string);
  const items = await loadRows(client, 'workflow_jml_run_items', 'item_id = ANY ($1::text[])', [[...workIds]], itemKey);
  const outcomes = await loadRows(
    client,
    'workflow_jml_account_outcomes',
    'operation_id = ANY ($1::text[])',
    [[...operationIds]],
    (row) => row['operation_id'] as string,
  );
  const state: BatchState = {
    triggers,
    newTriggers: [],
    runs: new Map([...runs].map(([runId, row]) => [runId, { row, changed: false }])),
    items: new Map(),
    itemsByWork: new Map(),
    changedItems: new Set(),
    outcomes,
    changedOutcomes: new Set(),
    touchedRuns: new Set(),
  };
  for (const row of items.values()) addItem(state, row);
  return state;
}

function foldEvent(recorded: RecordedEvent, state: BatchState): void {
  if (recorded.streamId.startsWith(IDENTITY_STREAM_PREFIX)) return recordTrigger(recorded, state);
  if (recorded.streamId.startsWith(KILL_SWITCH_STREAM_PREFIX)) return applyKillSwitch(recorded, state);
  if (recorded.streamId.startsWith(OPERATION_STREAM_PREFIX)) return applyAccountOutcome(recorded, state);
  const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
  const cause = recorded.metadata.causationId;
  switch (event.type) {
    case 'AssignmentAdded':
    case 'AssignmentRevoked': {
      const run = cause ? ensureRun(state, cause, event.data.identityId) : null;
      if (!run) return;
      const kind: JmlRunItemKind = event.type === 'AssignmentAdded' ? 'grant' : 'revoke';
      insertItem(state, { run_id: run.row['run_id'], item_kind: kind, item_id: event.data.assignmentId, state: 'pending', at: null });
      state.touchedRuns.add(run.row['run_id'] as string);
      return;
    }
    case 'IdentityMarkedTerminated': {
      const run = cause ? ensureRun(state, cause, event.data.identityId) : null;
      if (!run) return;
      run.row['assignments_planned'] = true;
      run.changed = true;
      state.touchedRuns.add(run.row['run_id'] as string);
      return;
    }
    case 'AssignmentProvisioned':
      return settleItems(state, 'grant', event.data.assignmentId, 'acknowledged', event.data.acknowledgedAt);
    case 'AssignmentRevocationAcknowledged':
      return settleItems(state, 'revoke', event.data.assignmentId, 'acknowledged', event.data.acknowledgedAt);
    case 'AssignmentProvisioningFailed':
      return settleItems(state, event.data.action, event.data.assignmentId, 'failed', event.data.failedAt);
    default:
      return;
  }
}

function recordTrigger(recorded: RecordedEvent, state: BatchState): void {
  if (!RUN_KIND_OF_TRIGGER[recorded.type]) return;
  const { eventId, occurredAt } = recorded.metadata;
  if (state.triggers.has(eventId)) return;
  const row = {
    event_id: eventId,
    identity_id: (recorded.data as { identityId: string }).identityId,
    type: recorded.type,
    occurred_at: occurredAt,
  };
  state.triggers.set(eventId, row);
  state.newTriggers.push(row);
}

function applyKillSwitch(recorded: RecordedEvent, state: BatchState): void {
  const plan = recorded.data as PublishedKillSwitchPlanned['data'];
  const run = ensureRun(state, plan.terminationEventId, plan.identityId);
  if (!run) return;
  const runId = run.row['run_id'] as string;
  // Disables already done (or given up) before the plan was read count at once.
  for (const operationId of plan.operationIds) {
    const outcome = state.outcomes.get(operationId);
    insertItem(state, {
      run_id: runId,
      item_kind: 'disable',
      item_id: operationId,
      state: outcome?.['state'] ?? 'pending',
      at: outcome?.['at'] ?? null,
    });
  }
  run.row['disables_planned'] = true;
  run.changed = true;
  state.touchedRuns.add(runId);
}

function applyAccountOutcome(recorded: RecordedEvent, state: BatchState): void {
  const outcome = { type: recorded.type, data: recorded.data } as PublishedOperationOutcome;
  if (outcome.data.action !== 'disable-account') return;
  const [outcomeState, at] =
    outcome.type === 'OperationFailed' ? ['failed', outcome.data.failedAt] : ['acknowledged', outcome.data.completedAt];
  const { operationId } = outcome.data;
  // A disable retried after a failure and then done is acknowledged; nothing turns it back to failed.
  if (state.outcomes.get(operationId)?.['state'] !== 'acknowledged') {
    state.outcomes.set(operationId, { operation_id: operationId, state: outcomeState, at });
    state.changedOutcomes.add(operationId);
  }
  settleItems(state, 'disable', operationId, outcomeState, at);
}

/** As the per-event ensureRun: the run of this identity's JML trigger, created on the first work it caused. */
function ensureRun(state: BatchState, triggerEventId: string, identityId: string): Run | null {
  const trigger = state.triggers.get(triggerEventId);
  if (!trigger || trigger['identity_id'] !== identityId) return null;
  const existing = state.runs.get(triggerEventId);
  if (existing) return existing;
  const kind = RUN_KIND_OF_TRIGGER[trigger['type'] as string]!;
  const planned = kind !== 'leaver';
  const run: Run = {
    row: {
      run_id: triggerEventId,
      kind,
      identity_id: identityId,
      trigger_event_id: triggerEventId,
      trigger_type: trigger['type'],
      started_at: trigger['occurred_at'],
      assignments_planned: planned,
      disables_planned: planned,
    },
    changed: true,
  };
  state.runs.set(triggerEventId, run);
  return run;
}

function insertItem(state: BatchState, row: JsonRow): void {
  const key = itemKey(row);
  if (state.items.has(key)) return;
  addItem(state, row);
  state.changedItems.add(key);
}

function addItem(state: BatchState, row: JsonRow): void {
  const key = itemKey(row);
  state.items.set(key, row);
  const work = `${row['item_kind'] as string}|${row['item_id'] as string}`;
  const keys = state.itemsByWork.get(work) ?? new Set<string>();
  keys.add(key);
  state.itemsByWork.set(work, keys);
}

function settleItems(state: BatchState, kind: JmlRunItemKind, itemId: string, settled: string, at: string): void {
  for (const key of state.itemsByWork.get(`${kind}|${itemId}`) ?? []) {
    const item = state.items.get(key)!;
    if (item['state'] === 'acknowledged') continue;
    item['state'] = settled;
    item['at'] = at;
    state.changedItems.add(key);
    state.touchedRuns.add(item['run_id'] as string);
  }
}

/** New runs are inserted with their counts at the defaults; for stored ones only the plans change (the recount follows). */
async function writeRuns(client: PoolClient, rows: readonly JsonRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO workflow_jml_runs (${RUN_KEY_COLUMNS.join(', ')}, assignments_planned, disables_planned)
     SELECT ${RUN_KEY_COLUMNS.join(', ')}, assignments_planned, disables_planned
       FROM jsonb_to_recordset($1::jsonb) AS r(run_id text, kind text, identity_id text, trigger_event_id text, trigger_type text,
            started_at timestamptz, assignments_planned boolean, disables_planned boolean)
     ON CONFLICT (run_id) DO UPDATE SET assignments_planned = EXCLUDED.assignments_planned, disables_planned = EXCLUDED.disables_planned`,
    [JSON.stringify(rows)],
  );
}

function itemKey(row: JsonRow): string {
  return `${row['run_id'] as string}|${row['item_kind'] as string}|${row['item_id'] as string}`;
}

function pick(rows: Map<string, JsonRow>, keys: ReadonlySet<string>): JsonRow[] {
  return [...keys].map((key) => rows.get(key)!);
}
