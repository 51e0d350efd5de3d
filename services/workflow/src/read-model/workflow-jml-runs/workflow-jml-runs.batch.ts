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
import { upsertRows, type JsonRow } from '../batch/table-rows';
import { loadColumns, writeRows, type ColumnTypes, type TableShape } from '@tenure/event-store-postgres';
import type { JmlRunItemKind, JmlRunKind } from './workflow-jml-runs.table';

export const RUN_KIND_OF_TRIGGER: Readonly<Record<string, JmlRunKind>> = {
  IdentityActivated: 'joiner',
  IdentityMoved: 'mover',
  IdentityTerminated: 'leaver',
};

const TRIGGER_COLUMNS = { event_id: 'text', identity_id: 'text', type: 'text', occurred_at: 'timestamptz' } as const satisfies ColumnTypes;
const RUN_KEY = { run_id: 'text' } as const satisfies ColumnTypes;
const RUN_PLANS = { assignments_planned: 'boolean', disables_planned: 'boolean' } as const satisfies ColumnTypes;
/** A new run's columns: the counts and completion keep their defaults until the recount. */
const NEW_RUN_COLUMNS = {
  ...RUN_KEY,
  kind: 'text',
  identity_id: 'text',
  trigger_event_id: 'text',
  trigger_type: 'text',
  started_at: 'timestamptz',
  ...RUN_PLANS,
} as const satisfies ColumnTypes;
const ITEM_KEY = { run_id: 'text', item_kind: 'text', item_id: 'text' } as const satisfies ColumnTypes;
const ITEM_SETTLEMENT = { state: 'text', at: 'timestamptz' } as const satisfies ColumnTypes;
const ITEM_COLUMNS = { ...ITEM_KEY, ...ITEM_SETTLEMENT } as const satisfies ColumnTypes;
const RUNS_TABLE: TableShape = { table: 'workflow_jml_runs', columns: NEW_RUN_COLUMNS, key: RUN_KEY, mutable: RUN_PLANS };
const ITEMS_TABLE: TableShape = { table: 'workflow_jml_run_items', columns: ITEM_COLUMNS, key: ITEM_KEY, mutable: ITEM_SETTLEMENT };
const OUTCOME_COLUMNS = { operation_id: 'text', state: 'text', at: 'timestamptz' } as const satisfies ColumnTypes;

interface Run {
  readonly row: JsonRow;
  /** False for a run the batch read from the table. */
  readonly isNew: boolean;
  changed: boolean;
}

/** What the batch read and changed of the four tables, keyed as their primary keys. */
interface BatchState {
  readonly triggers: Map<string, JsonRow>;
  readonly newTriggers: JsonRow[];
  readonly runs: Map<string, Run>;
  /** `<run>|<kind>|<item>` → item row. */
  readonly items: Map<string, JsonRow>;
  /** The keys of `items` read from the table (every stored item of the work the batch names). */
  readonly storedItems: ReadonlySet<string>;
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
 * the batch can reach are read once (three queries, only the columns the fold needs), the events are
 * folded in memory with the per-event statements' conditions, the new rows are inserted and the
 * changed stored ones updated (only their changeable columns) in one statement each, and the
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
  await upsertRows(client, 'workflow_jml_triggers', ['event_id'], Object.keys(TRIGGER_COLUMNS), state.newTriggers);
  await writeRuns(client, [...state.runs.values()]);
  await upsertRows(
    client,
    'workflow_jml_account_outcomes',
    ['operation_id'],
    Object.keys(OUTCOME_COLUMNS),
    pick(state.outcomes, state.changedOutcomes),
  );
  await writeItems(client, state);
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
  // One client runs one statement at a time: three reads, one after the other.
  const { triggers, runs } = await loadTriggersAndRuns(client, [...causes]);
  const items = await loadColumns(client, 'workflow_jml_run_items', ITEM_COLUMNS, 'item_id = ANY ($1::text[])', [[...workIds]], itemKey);
  const outcomes = await loadColumns(
    client,
    'workflow_jml_account_outcomes',
    OUTCOME_COLUMNS,
    'operation_id = ANY ($1::text[])',
    [[...operationIds]],
    (row) => row['operation_id'] as string,
  );
  const state: BatchState = {
    triggers,
    newTriggers: [],
    runs,
    items: new Map(),
    storedItems: new Set(items.keys()),
    itemsByWork: new Map(),
    changedItems: new Set(),
    outcomes,
    changedOutcomes: new Set(),
    touchedRuns: new Set(),
  };
  for (const row of items.values()) addItem(state, row);
  return state;
}

/**
 * The triggers among the causes and their runs, in one read: a run exists only for a stored trigger
 * (its id is the trigger's event id), so a left join finds every stored run the batch can reach.
 */
async function loadTriggersAndRuns(
  client: PoolClient,
  causes: readonly string[],
): Promise<{ triggers: Map<string, JsonRow>; runs: Map<string, Run> }> {
  const { rows } = await client.query<{
    event_id: string;
    identity_id: string;
    type: string;
    occurred_at: string;
    assignments_planned: boolean | null;
    disables_planned: boolean | null;
  }>(
    `SELECT trig.event_id, trig.identity_id, trig.type, trig.occurred_at::text AS occurred_at,
            run.assignments_planned, run.disables_planned
       FROM workflow_jml_triggers trig LEFT JOIN workflow_jml_runs run ON run.run_id = trig.event_id
      WHERE trig.event_id = ANY ($1::text[])`,
    [causes],
  );
  const triggers = new Map<string, JsonRow>();
  const runs = new Map<string, Run>();
  for (const { event_id, identity_id, type, occurred_at, assignments_planned, disables_planned } of rows) {
    triggers.set(event_id, { event_id, identity_id, type, occurred_at });
    if (assignments_planned === null) continue;
    runs.set(event_id, { row: { run_id: event_id, assignments_planned, disables_planned }, isNew: false, changed: false });
  }
  return { triggers, runs };
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
      setPlanned(run, 'assignments_planned');
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
  setPlanned(run, 'disables_planned');
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
    isNew: true,
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

/** A plan closed that was already closed changes nothing: the run is written only if the flag was off. */
function setPlanned(run: Run, plan: keyof typeof RUN_PLANS): void {
  if (run.row[plan] === true) return;
  run.row[plan] = true;
  run.changed = true;
}

/** New runs are inserted with their counts at the defaults; for stored ones only the plans change (the recount follows). */
async function writeRuns(client: PoolClient, runs: readonly Run[]): Promise<void> {
  const changed = runs.filter((run) => run.changed);
  const added = changed.filter((run) => run.isNew).map((run) => run.row);
  await writeRows(
    client,
    RUNS_TABLE,
    added,
    changed.filter((run) => !run.isNew).map((run) => run.row),
  );
}

/** The batch read every stored item of the work it names, so an item it did not read is new. */
async function writeItems(client: PoolClient, state: BatchState): Promise<void> {
  const added: JsonRow[] = [];
  const settled: JsonRow[] = [];
  for (const key of state.changedItems) (state.storedItems.has(key) ? settled : added).push(state.items.get(key)!);
  await writeRows(client, ITEMS_TABLE, added, settled);
}

function itemKey(row: JsonRow): string {
  return `${row['run_id'] as string}|${row['item_kind'] as string}|${row['item_id'] as string}`;
}

function pick(rows: Map<string, JsonRow>, keys: ReadonlySet<string>): JsonRow[] {
  return [...keys].map((key) => rows.get(key)!);
}
