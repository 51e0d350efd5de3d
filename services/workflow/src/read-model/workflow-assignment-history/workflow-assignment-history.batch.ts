import { IDENTITY_STREAM_PREFIX } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import type { JsonRow } from '../batch/table-rows';
import { loadColumns, writeRows, type ColumnTypes, type TableShape } from '@tenure/event-store-postgres';
import type { AppliedExtension } from './workflow-assignment-history.table';

const COLUMNS = {
  assignment_id: 'text',
  identity_id: 'text',
  employee_number: 'text',
  application_id: 'text',
  entitlement_key: 'text',
  source_kind: 'text',
  source_reference: 'text',
  source_policy_version: 'int',
  valid_from: 'timestamptz',
  duration_ms: 'bigint',
  added_at: 'timestamptz',
  active_from: 'timestamptz',
  initial_valid_until: 'timestamptz',
  extensions: 'jsonb',
  revoked_at: 'timestamptz',
  revocation_reason: 'text',
  revocation_acknowledged_at: 'timestamptz',
} as const satisfies ColumnTypes;
const KEY = { assignment_id: 'text' } as const satisfies ColumnTypes;
/** The columns an event after the addition can set (and its conditions test): all a stored interval needs. */
const MUTABLE = {
  employee_number: 'text',
  active_from: 'timestamptz',
  initial_valid_until: 'timestamptz',
  extensions: 'jsonb',
  revoked_at: 'timestamptz',
  revocation_reason: 'text',
  revocation_acknowledged_at: 'timestamptz',
} as const satisfies ColumnTypes;
/** What a stored interval is read as: its key, its identity (for numbering it) and what can change. */
const LOADED = { ...KEY, identity_id: 'text', ...MUTABLE } as const satisfies ColumnTypes;
const TABLE: TableShape = { table: 'workflow_assignment_history', columns: COLUMNS, key: KEY, mutable: MUTABLE };

interface BatchState {
  readonly rows: Map<string, JsonRow>;
  /** identity id → employee number, as workflow_assignment_history_identities holds it during the batch. */
  readonly employeeNumbers: Map<string, string>;
  readonly changedRows: Set<string>;
  readonly newIdentities: Map<string, string>;
  /** identity id → its intervals in `rows` still without an employee number. */
  readonly unnumbered: Map<string, Set<string>>;
}

/**
 * The batch form of the workflow-assignment-history projection: the intervals the batch names (and,
 * for identity events, that identity's intervals still without an employee number) and the
 * identities it names are read once, folded in memory with the per-event statements' conditions,
 * and written back: the batch's new intervals inserted whole, the stored ones it changed by their
 * changeable columns, the new identities in one statement.
 */
export async function applyAssignmentHistoryBatch(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const assignmentIds = new Set<string>();
  const identityIds = new Set<string>();
  const namedIdentities = new Set<string>();
  for (const event of events) {
    const data = event.data as { assignmentId?: string; identityId: string };
    identityIds.add(data.identityId);
    if (event.streamId.startsWith(IDENTITY_STREAM_PREFIX)) namedIdentities.add(data.identityId);
    else if (data.assignmentId !== undefined) assignmentIds.add(data.assignmentId);
  }
  const rows = await loadColumns(
    client,
    'workflow_assignment_history',
    LOADED,
    'assignment_id = ANY ($1::text[])',
    [[...assignmentIds]],
    assignmentIdOf,
  );
  const { rows: identities } = await client.query<{ identity_id: string; employee_number: string }>(
    'SELECT identity_id, employee_number FROM workflow_assignment_history_identities WHERE identity_id = ANY ($1::text[])',
    [[...identityIds]],
  );
  const employeeNumbers = new Map(identities.map((identity) => [identity.identity_id, identity.employee_number]));
  // An identity already numbered has no interval without a number (its first identity event numbered
  // them, in the same transaction, and later ones were added numbered): only the others are read.
  const unnumberedIdentities = [...namedIdentities].filter((identityId) => !employeeNumbers.has(identityId));
  if (unnumberedIdentities.length > 0) {
    const unnumbered = await loadColumns(
      client,
      'workflow_assignment_history',
      LOADED,
      'identity_id = ANY ($1::text[]) AND employee_number IS NULL',
      [unnumberedIdentities],
      assignmentIdOf,
    );
    for (const [assignmentId, row] of unnumbered) if (!rows.has(assignmentId)) rows.set(assignmentId, row);
  }
  const stored = new Set(rows.keys());
  const state: BatchState = {
    rows,
    employeeNumbers,
    changedRows: new Set(),
    newIdentities: new Map(),
    unnumbered: new Map(),
  };
  for (const row of rows.values()) if (row['employee_number'] === null) noteUnnumbered(state, row);
  for (const event of events) foldEvent(event, state);
  if (state.newIdentities.size > 0) {
    await client.query(
      `INSERT INTO workflow_assignment_history_identities (identity_id, employee_number)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (identity_id) DO NOTHING`,
      [[...state.newIdentities.keys()], [...state.newIdentities.values()]],
    );
  }
  const added: JsonRow[] = [];
  const updated: JsonRow[] = [];
  for (const id of state.changedRows) (stored.has(id) ? updated : added).push(rows.get(id)!);
  await writeRows(client, TABLE, added, updated);
}

function foldEvent(recorded: RecordedEvent, state: BatchState): void {
  if (recorded.streamId.startsWith(IDENTITY_STREAM_PREFIX)) {
    const { identityId, employeeNumber } = recorded.data as { identityId: string; employeeNumber: string };
    if (!state.employeeNumbers.has(identityId)) {
      state.employeeNumbers.set(identityId, employeeNumber);
      state.newIdentities.set(identityId, employeeNumber);
    }
    // As the per-event statement: this event's number, for the identity's intervals without one.
    for (const assignmentId of state.unnumbered.get(identityId) ?? []) {
      state.rows.get(assignmentId)!['employee_number'] = employeeNumber;
      state.changedRows.add(assignmentId);
    }
    state.unnumbered.delete(identityId);
    return;
  }
  const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      if (state.rows.has(assignmentId)) return;
      state.rows.set(assignmentId, {
        assignment_id: assignmentId,
        identity_id: identityId,
        employee_number: state.employeeNumbers.get(identityId) ?? null,
        application_id: applicationId,
        entitlement_key: entitlementKey,
        source_kind: source.kind,
        source_reference: source.reference,
        source_policy_version: source.policyVersion,
        valid_from: validFrom,
        duration_ms: event.data.durationMs ?? null,
        added_at: recorded.metadata.occurredAt,
        active_from: null,
        initial_valid_until: validUntil,
        extensions: [],
        revoked_at: null,
        revocation_reason: null,
        revocation_acknowledged_at: null,
      });
      if (!state.employeeNumbers.has(identityId)) noteUnnumbered(state, state.rows.get(assignmentId)!);
      state.changedRows.add(assignmentId);
      return;
    }
    case 'AssignmentProvisioned': {
      const { assignmentId, acknowledgedAt, validUntil } = event.data;
      update(state, assignmentId, (row) => row['active_from'] === null, { active_from: acknowledgedAt, initial_valid_until: validUntil });
      return;
    }
    case 'AssignmentExtended': {
      const { assignmentId, requestId, validUntil, extendedAt } = event.data;
      const row = state.rows.get(assignmentId);
      const extensions = (row?.['extensions'] ?? []) as AppliedExtension[];
      update(state, assignmentId, () => !extensions.some((extension) => extension.requestId === requestId), {
        extensions: [...extensions, { requestId, validUntil, extendedAt }],
      });
      return;
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason, revokedAt } = event.data;
      update(state, assignmentId, (row) => row['revoked_at'] === null, { revoked_at: revokedAt, revocation_reason: reason });
      return;
    }
    case 'AssignmentRevocationAcknowledged': {
      const { assignmentId, acknowledgedAt } = event.data;
      update(state, assignmentId, (row) => row['revocation_acknowledged_at'] === null, { revocation_acknowledged_at: acknowledgedAt });
      return;
    }
    default:
      return;
  }
}

function noteUnnumbered(state: BatchState, row: JsonRow): void {
  const identityId = row['identity_id'] as string;
  const ids = state.unnumbered.get(identityId) ?? new Set<string>();
  ids.add(row['assignment_id'] as string);
  state.unnumbered.set(identityId, ids);
}

function assignmentIdOf(row: JsonRow): string {
  return row['assignment_id'] as string;
}

function update(state: BatchState, assignmentId: string, when: (row: JsonRow) => boolean, changes: JsonRow): void {
  const row = state.rows.get(assignmentId);
  if (!row || !when(row)) return;
  Object.assign(row, changes);
  state.changedRows.add(assignmentId);
}
