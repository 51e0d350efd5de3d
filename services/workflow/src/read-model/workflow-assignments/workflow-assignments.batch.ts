import { TimerPlan } from '@tenure/event-store-postgres';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import type { JsonRow } from '../batch/table-rows';
import { loadColumns, writeRows, type ColumnTypes, type TableShape } from '@tenure/event-store-postgres';
import { assignmentExpiryTimer, assignmentExpiryTimerId } from './assignment-expiry-timer';

const COLUMNS = {
  assignment_id: 'text',
  identity_id: 'text',
  application_id: 'text',
  entitlement_key: 'text',
  source_kind: 'text',
  source_reference: 'text',
  source_policy_version: 'int',
  valid_from: 'timestamptz',
  valid_until: 'timestamptz',
  status: 'text',
  revocation_reason: 'text',
  added_at: 'timestamptz',
  revoked_at: 'timestamptz',
  duration_ms: 'bigint',
  acknowledged_at: 'timestamptz',
  revocation_acknowledged_at: 'timestamptz',
  last_failure: 'jsonb',
} as const satisfies ColumnTypes;
const KEY = { assignment_id: 'text' } as const satisfies ColumnTypes;
/** The columns an event after the addition can set (and the status its conditions test): all a stored row needs. */
const MUTABLE = {
  valid_until: 'timestamptz',
  status: 'text',
  revocation_reason: 'text',
  revoked_at: 'timestamptz',
  acknowledged_at: 'timestamptz',
  revocation_acknowledged_at: 'timestamptz',
  last_failure: 'jsonb',
} as const satisfies ColumnTypes;
const TABLE: TableShape = { table: 'workflow_assignments', columns: COLUMNS, key: KEY, mutable: MUTABLE };
const HELD = new Set(['pending-provisioning', 'active']);

/**
 * The batch form of the workflow-assignments projection: the stored rows the batch names are read
 * once (their changeable columns only), each event is folded into them in memory with exactly the
 * per-event statements' conditions, and then the rows added by the batch are inserted whole, the
 * stored rows it changed get their changeable columns set, and the timers' last decisions are written.
 */
export async function applyAssignmentsBatch(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const ids = new Set<string>();
  for (const event of events) {
    const { assignmentId } = event.data as { assignmentId?: string };
    if (assignmentId !== undefined) ids.add(assignmentId);
  }
  const rows = await loadColumns(
    client,
    'workflow_assignments',
    { ...KEY, ...MUTABLE },
    'assignment_id = ANY ($1::text[])',
    [[...ids]],
    (row) => row['assignment_id'] as string,
  );
  const stored = new Set(rows.keys());
  const changed = new Set<string>();
  const timers = new TimerPlan();
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
    if (foldEvent(event, recorded.metadata.occurredAt, rows, timers)) changed.add((event.data as { assignmentId: string }).assignmentId);
  }
  const added: JsonRow[] = [];
  const updated: JsonRow[] = [];
  for (const id of changed) (stored.has(id) ? updated : added).push(rows.get(id)!);
  await writeRows(client, TABLE, added, updated);
  await timers.write(client);
}
/** Applies one event to the rows in memory; true when its row changed. */
function foldEvent(event: AssignmentsEvent, occurredAt: string, rows: Map<string, JsonRow>, timers: TimerPlan): boolean {
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      if (rows.has(assignmentId)) return false;
      rows.set(assignmentId, {
        assignment_id: assignmentId,
        identity_id: identityId,
        application_id: applicationId,
        entitlement_key: entitlementKey,
        source_kind: source.kind,
        source_reference: source.reference,
        source_policy_version: source.policyVersion,
        valid_from: validFrom,
        valid_until: validUntil,
        status: 'pending-provisioning',
        revocation_reason: null,
        added_at: occurredAt,
        revoked_at: null,
        duration_ms: event.data.durationMs ?? null,
        acknowledged_at: null,
        revocation_acknowledged_at: null,
        last_failure: null,
      });
      if (validUntil !== null) timers.schedule(assignmentExpiryTimer(assignmentId, identityId, validUntil));
      return true;
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason, revokedAt } = event.data;
      timers.cancel(assignmentExpiryTimerId(assignmentId));
      return update(rows, assignmentId, (row) => HELD.has(row['status'] as string), {
        status: 'revoking',
        revocation_reason: reason,
        revoked_at: revokedAt,
      });
    }
    case 'AssignmentProvisioned': {
      const { assignmentId, identityId, acknowledgedAt, validUntil } = event.data;
      const updated = update(rows, assignmentId, (row) => row['status'] === 'pending-provisioning', {
        status: 'active',
        acknowledged_at: acknowledgedAt,
        valid_until: validUntil,
        last_failure: null,
      });
      if (updated && validUntil !== null) timers.schedule(assignmentExpiryTimer(assignmentId, identityId, validUntil));
      return updated;
    }
    case 'AssignmentRevocationAcknowledged': {
      const { assignmentId, acknowledgedAt } = event.data;
      return update(rows, assignmentId, (row) => row['status'] === 'revoking', {
        status: 'revoked',
        revocation_acknowledged_at: acknowledgedAt,
        last_failure: null,
      });
    }
    case 'AssignmentProvisioningFailed': {
      const { assignmentId, operationId, action, errorKind, message, failedAt } = event.data;
      return update(rows, assignmentId, () => true, {
        // Through JSON as the per-event statement stores it (absent fields dropped).
        last_failure: JSON.parse(JSON.stringify({ operationId, action, errorKind, message, failedAt })),
      });
    }
    case 'AssignmentExtended': {
      const { assignmentId, identityId, validUntil } = event.data;
      const updated = update(rows, assignmentId, (row) => HELD.has(row['status'] as string), { valid_until: validUntil });
      if (updated) timers.schedule(assignmentExpiryTimer(assignmentId, identityId, validUntil));
      return updated;
    }
    default:
      return false;
  }
}

function update(rows: Map<string, JsonRow>, assignmentId: string, when: (row: JsonRow) => boolean, changes: JsonRow): boolean {
  const row = rows.get(assignmentId);
  if (!row || !when(row)) return false;
  Object.assign(row, changes);
  return true;
}
