import { IDENTITY_STREAM_PREFIX, OPERATION_STREAM_PREFIX, PERSONAL_DATA_ERASED } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { sqlArray, writeRows, type ColumnTypes, type Projection, type TableShape } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { completingStep, type OperationEvent } from '../../domain/operation';
import {
  erasureOf,
  storedUserName,
  textAfterErasure,
  userNameAfterErasure,
  userNameAfterErasureSql,
  type ErasureData,
} from '../erasure/personal-data-erasure';
import { CREATE_CONNECTOR_OPERATIONS, type OperationRow } from './operations.table';

const OPERATION_EVENT_TYPES: readonly OperationEvent['type'][] = [
  'OperationRequested',
  'AccountCreated',
  'AccountUpdated',
  'AccountDisabled',
  'AccountEnabled',
  'EntitlementGranted',
  'EntitlementRevoked',
  'OperationAttemptFailed',
  'OperationFailed',
  'OperationRetryRequested',
  'OperationDismissed',
  'ManualTaskOpened',
];

/**
 * Keeps `connector_operations` from the operation streams: the queue, the dead letters and the manual
 * tasks; and blanks a person's user names, task instructions and notes when their personal data is
 * erased (the identity stream's PersonalDataErased).
 *
 * A batch is folded in memory: each row it touches is read once, changed event by event exactly as
 * the SQL of one event at a time would, and written back in two statements: the new rows inserted,
 * the stored ones updated (a replay reads tens of thousands of events, several per operation).
 */
export const operationsProjection: Projection = {
  name: 'connector-operations',
  filter: {
    streamPrefixes: [OPERATION_STREAM_PREFIX, IDENTITY_STREAM_PREFIX],
    eventTypes: [...OPERATION_EVENT_TYPES, PERSONAL_DATA_ERASED],
  },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_OPERATIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_operations');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

/** A row as folded in memory: times as Date or ISO text, bigints as text (both are written back as such). */
type Row = { -readonly [Column in keyof OperationRow]: OperationRow[Column] | string };

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const operationIds = new Set<string>();
  for (const event of events) if (event.streamId.startsWith(OPERATION_STREAM_PREFIX)) operationIds.add(operationIdOf(event));
  const rows = await loadRows(client, [...operationIds]);
  // The rows stored before the batch: written back by an UPDATE of what events change; the others are inserted.
  const stored = new Set(rows.keys());
  const changed = new Set<string>();
  const erasures: ErasureData[] = [];
  for (const recorded of events) {
    const erasure = erasureOf(recorded);
    if (erasure) {
      erasures.push(erasure);
      for (const row of rows.values()) {
        if (row.identity_id !== erasure.identityId) continue;
        eraseRow(row, erasure.employeeNumber);
        changed.add(row.operation_id);
      }
      continue;
    }
    const operationId = foldEvent(rows, recorded);
    if (operationId !== null) changed.add(operationId);
  }
  // The rows of erased people this batch did not load are blanked in place; the loaded ones are written below.
  for (const erasure of erasures) await eraseStoredRows(client, erasure);
  const created: Row[] = [];
  const updated: Row[] = [];
  for (const operationId of changed) (stored.has(operationId) ? updated : created).push(rows.get(operationId)!);
  await writeRows(client, OPERATIONS_TABLE, created, updated);
}

function operationIdOf(event: RecordedEvent): string {
  return (event.data as { operationId: string }).operationId;
}

/** Applies one operation event to its row; returns the id of the row it changed, or null. */
function foldEvent(rows: Map<string, Row>, recorded: RecordedEvent): string | null {
  const event = { type: recorded.type, data: recorded.data } as OperationEvent;
  if (event.type === 'OperationRequested') {
    const request = event.data;
    // The request opens the row once; a second copy (a replay overlapping the live log) changes nothing.
    if (rows.has(request.operationId)) return null;
    rows.set(request.operationId, requestedRow(recorded, request));
    return request.operationId;
  }
  const row = rows.get(operationIdOf(recorded));
  // An outcome whose request is not known changes nothing (the SQL was an UPDATE of no row).
  if (!row) return null;
  row.revision = recorded.revision.toString();
  row.updated_at = recorded.recordedAt;
  switch (event.type) {
    case 'AccountCreated':
    case 'AccountUpdated':
    case 'AccountDisabled':
    case 'AccountEnabled':
    case 'EntitlementGranted':
    case 'EntitlementRevoked': {
      const { action, userName, employeeNumber, completedAt, via, completedBy, note } = event.data;
      row.user_name = storedUserName(userName, employeeNumber);
      if (event.type !== completingStep(action)) break;
      Object.assign(row, { status: 'succeeded', completed_at: completedAt, completed_via: via, completed_by: completedBy, note });
      row.next_attempt_at = null;
      break;
    }
    case 'OperationAttemptFailed': {
      const { attempt, errorKind, message, retryAt, failedAt } = event.data;
      Object.assign(row, { status: 'retrying', attempts: attempt, next_attempt_at: retryAt });
      Object.assign(row, { last_error_kind: errorKind, last_error: message, last_error_at: failedAt });
      break;
    }
    case 'OperationFailed': {
      const { attempts, errorKind, message, failedAt } = event.data;
      Object.assign(row, { status: 'dead', attempts, next_attempt_at: null });
      Object.assign(row, { last_error_kind: errorKind, last_error: message, last_error_at: failedAt });
      break;
    }
    case 'OperationRetryRequested':
      Object.assign(row, { status: 'requested', attempts: 0, next_attempt_at: null });
      break;
    case 'OperationDismissed':
      Object.assign(row, { status: 'dismissed', next_attempt_at: null, dismissed_by: event.data.by.id, dismiss_reason: event.data.reason });
      break;
    case 'ManualTaskOpened': {
      const { ownerEmployeeNumber, instructions, userName, employeeNumber, dueAt, openedAt } = event.data;
      Object.assign(row, {
        status: 'awaiting-person',
        user_name: storedUserName(userName, employeeNumber),
        task_owner: ownerEmployeeNumber,
      });
      Object.assign(row, { task_instructions: instructions, task_due_at: dueAt, task_opened_at: openedAt, next_attempt_at: null });
      break;
    }
    default:
      break; // events of later versions change nothing but the row's revision, as before
  }
  return row.operation_id;
}

function requestedRow(recorded: RecordedEvent, request: Extract<OperationEvent, { type: 'OperationRequested' }>['data']): Row {
  const { operationId, action, applicationId, identityId, assignmentId, entitlementKey, priority, cause, requestedAt, userName } = request;
  return {
    operation_id: operationId,
    action,
    application_id: applicationId,
    identity_id: identityId,
    subject: identityId !== '' ? identityId : `account:${userName ?? ''}`,
    assignment_id: assignmentId,
    entitlement_key: entitlementKey,
    user_name: userName ?? null,
    priority,
    cause_kind: cause.kind,
    cause_reference: cause.reference,
    status: 'requested',
    attempts: 0,
    next_attempt_at: null,
    last_error_kind: null,
    last_error: null,
    last_error_at: null,
    requested_at: requestedAt,
    request_commit: recorded.position.commit.toString(),
    request_prepare: recorded.position.prepare.toString(),
    completed_at: null,
    completed_via: null,
    completed_by: null,
    note: null,
    dismissed_by: null,
    dismiss_reason: null,
    task_owner: null,
    task_instructions: null,
    task_due_at: null,
    task_opened_at: null,
    revision: recorded.revision.toString(),
    updated_at: recorded.recordedAt,
  };
}

/** The person's values as they read once erased; the row's revision is the operation stream's and stays. */
function eraseRow(row: Row, employeeNumber: string): void {
  if (row.user_name !== null) row.user_name = userNameAfterErasure(row.user_name, employeeNumber);
  row.task_instructions = textAfterErasure(row.task_instructions);
  row.note = textAfterErasure(row.note);
}

async function eraseStoredRows(client: PoolClient, erasure: ErasureData): Promise<void> {
  await client.query(
    `UPDATE connector_operations SET user_name = ${userNameAfterErasureSql('user_name', '$2')},
       task_instructions = CASE WHEN task_instructions IS NULL THEN NULL ELSE $3 END, note = CASE WHEN note IS NULL THEN NULL ELSE $3 END
     WHERE identity_id = $1`,
    [erasure.identityId, erasure.employeeNumber, textAfterErasure('')],
  );
}

async function loadRows(client: PoolClient, operationIds: readonly string[]): Promise<Map<string, Row>> {
  if (operationIds.length === 0) return new Map();
  const { rows } = await client.query<Row>(SELECT_ROWS, [sqlArray(operationIds)]);
  return new Map(rows.map((row) => [row.operation_id, row]));
}

const COLUMNS: Readonly<Record<keyof OperationRow, ColumnTypes[string]>> = {
  operation_id: 'text',
  action: 'text',
  application_id: 'text',
  identity_id: 'text',
  subject: 'text',
  assignment_id: 'text',
  entitlement_key: 'text',
  user_name: 'text',
  priority: 'text',
  cause_kind: 'text',
  cause_reference: 'text',
  status: 'text',
  attempts: 'int',
  next_attempt_at: 'timestamptz',
  last_error_kind: 'text',
  last_error: 'text',
  last_error_at: 'timestamptz',
  requested_at: 'timestamptz',
  request_commit: 'bigint',
  request_prepare: 'bigint',
  completed_at: 'timestamptz',
  completed_via: 'text',
  completed_by: 'text',
  note: 'text',
  dismissed_by: 'text',
  dismiss_reason: 'text',
  task_owner: 'text',
  task_instructions: 'text',
  task_due_at: 'timestamptz',
  task_opened_at: 'timestamptz',
  revision: 'bigint',
  updated_at: 'timestamptz',
};
const NAMES = Object.keys(COLUMNS) as (keyof OperationRow)[];
/**
 * What the operation's request fixed: no later event changes these (foldEvent and eraseRow never set
 * them; one that did would have to leave this list), so a stored row's are not written again.
 */
const REQUESTED: ReadonlySet<keyof OperationRow> = new Set([
  'action',
  'application_id',
  'identity_id',
  'subject',
  'assignment_id',
  'entitlement_key',
  'priority',
  'cause_kind',
  'cause_reference',
  'requested_at',
  'request_commit',
  'request_prepare',
] as const);
const CHANGING = NAMES.filter((name) => name === 'operation_id' || !REQUESTED.has(name));

// The rows travel as one typed array per column (no column names repeated in every row), new rows
// with no ON CONFLICT, stored ones updated only in the columns events change.
const OPERATIONS_TABLE: TableShape = {
  table: 'connector_operations',
  columns: COLUMNS,
  key: { operation_id: 'text' },
  mutable: Object.fromEntries(CHANGING.filter((name) => name !== 'operation_id').map((name) => [name, COLUMNS[name]])),
};

// Times are read as text: they are only written back, and text is exact (a Date drops microseconds) and costs no parsing.
const SELECT_ROWS = `SELECT ${NAMES.map((name) => (COLUMNS[name] === 'timestamptz' ? `${name}::text AS ${name}` : name)).join(', ')}
  FROM connector_operations WHERE operation_id = ANY ($1::text[])`;
