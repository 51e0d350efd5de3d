import { TimerPlan } from '@tenure/event-store-postgres';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import { loadRows, upsertRows, type JsonRow } from '../batch/table-rows';
import { assignmentExpiryTimer, assignmentExpiryTimerId } from './assignment-expiry-timer';

const COLUMNS = [
  'assignment_id',
  'identity_id',
  'application_id',
  'entitlement_key',
  'source_kind',
  'source_reference',
  'source_policy_version',
  'valid_from',
  'valid_until',
  'status',
  'revocation_reason',
  'added_at',
  'revoked_at',
  'duration_ms',
  'acknowledged_at',
  'revocation_acknowledged_at',
  'last_failure',
] as const;

const HELD = new Set(['pending-provisioning', 'active']);

/**
 * The batch form of the workflow-assignments projection: the rows the batch names are read once,
 * each event is folded into them in memory with exactly the per-event statements' conditions, and
 * the changed rows and the timers' last decisions are written in one statement each.
 */
export async function applyAssignmentsBatch(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const ids = [...new Set(events.map((event) => (event.data as { assignmentId?: string }).assignmentId).filter((id) => id !== undefined))];
  const rows = await loadRows(
    client,
    'workflow_assignments',
    'assignment_id = ANY ($1::text[])',
    [ids],
    (row) => row['assignment_id'] as string,
  );
  const changed = new Set<string>();
  const timers = new TimerPlan();
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
    if (foldEvent(event, recorded.metadata.occurredAt, rows, timers)) changed.add((event.data as { assignmentId: string }).assignmentId);
  }
  await upsertRows(
    client,
    'workflow_assignments',
    ['assignment_id'],
    COLUMNS,
    [...changed].map((id) => rows.get(id)!),
  );
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
