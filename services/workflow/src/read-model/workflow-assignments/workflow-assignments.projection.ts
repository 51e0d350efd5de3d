import { ASSIGNMENTS_STREAM_PREFIX } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { cancelTimer, scheduleTimer, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import { ASSIGNMENT_EXPIRY_TIMER, assignmentExpiryTimer, assignmentExpiryTimerId } from './assignment-expiry-timer';
import { applyAssignmentsBatch } from './workflow-assignments.batch';
import { CREATE_WORKFLOW_ASSIGNMENTS } from './workflow-assignments.table';

export { ASSIGNMENT_EXPIRY_TIMER, assignmentExpiryTimerId } from './assignment-expiry-timer';

type Handled = Exclude<AssignmentsEvent['type'], 'AssignmentBlocked' | 'IdentityMarkedTerminated' | 'IdentityMarkedRehired'>;
const HANDLED: readonly Handled[] = [
  'AssignmentAdded',
  'AssignmentRevoked',
  'AssignmentProvisioned',
  'AssignmentRevocationAcknowledged',
  'AssignmentProvisioningFailed',
  'AssignmentExtended',
];

/**
 * Keeps `workflow_assignments` from the assignments streams, and each assignment's expiry timer in
 * the same transaction: the timer exists while the assignment is held and has an end. Applying an
 * event twice changes nothing. A batch (a replay, a burst) is folded in memory: see the batch file.
 */
export const workflowAssignmentsProjection: Projection = {
  name: 'workflow-assignments',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX], eventTypes: HANDLED },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_ASSIGNMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_assignments');
    await client.query('DELETE FROM tenure_timers WHERE kind = $1', [ASSIGNMENT_EXPIRY_TIMER]);
  },
  apply: applyEvent,
  applyBatch: applyAssignmentsBatch,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      const { rowCount } = await client.query(
        `INSERT INTO workflow_assignments (assignment_id, identity_id, application_id, entitlement_key, source_kind, source_reference,
           source_policy_version, valid_from, valid_until, status, added_at, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending-provisioning', $10, $11) ON CONFLICT (assignment_id) DO NOTHING`,
        [
          assignmentId,
          identityId,
          applicationId,
          entitlementKey,
          source.kind,
          source.reference,
          source.policyVersion,
          validFrom,
          validUntil,
          recorded.metadata.occurredAt,
          event.data.durationMs ?? null,
        ],
      );
      if (rowCount && validUntil !== null) await scheduleExpiry(client, assignmentId, identityId, validUntil);
      return;
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason, revokedAt } = event.data;
      await client.query(
        `UPDATE workflow_assignments SET status = 'revoking', revocation_reason = $2, revoked_at = $3
          WHERE assignment_id = $1 AND status IN ('pending-provisioning', 'active')`,
        [assignmentId, reason, revokedAt],
      );
      await cancelTimer(client, assignmentExpiryTimerId(assignmentId));
      return;
    }
    case 'AssignmentProvisioned': {
      const { assignmentId, identityId, acknowledgedAt, validUntil } = event.data;
      const { rowCount } = await client.query(
        `UPDATE workflow_assignments SET status = 'active', acknowledged_at = $2, valid_until = $3, last_failure = NULL
          WHERE assignment_id = $1 AND status = 'pending-provisioning'`,
        [assignmentId, acknowledgedAt, validUntil],
      );
      if (rowCount && validUntil !== null) await scheduleExpiry(client, assignmentId, identityId, validUntil);
      return;
    }
    case 'AssignmentRevocationAcknowledged': {
      const { assignmentId, acknowledgedAt } = event.data;
      await client.query(
        `UPDATE workflow_assignments SET status = 'revoked', revocation_acknowledged_at = $2, last_failure = NULL
          WHERE assignment_id = $1 AND status = 'revoking'`,
        [assignmentId, acknowledgedAt],
      );
      return;
    }
    case 'AssignmentProvisioningFailed': {
      const { assignmentId, operationId, action, errorKind, message, failedAt } = event.data;
      await client.query('UPDATE workflow_assignments SET last_failure = $2 WHERE assignment_id = $1', [
        assignmentId,
        JSON.stringify({ operationId, action, errorKind, message, failedAt }),
      ]);
      return;
    }
    case 'AssignmentExtended': {
      const { assignmentId, identityId, validUntil } = event.data;
      const { rowCount } = await client.query(
        `UPDATE workflow_assignments SET valid_until = $2 WHERE assignment_id = $1 AND status IN ('pending-provisioning', 'active')`,
        [assignmentId, validUntil],
      );
      if (rowCount) await scheduleExpiry(client, assignmentId, identityId, validUntil);
      return;
    }
    default:
      // Workflow's own marks (blocks, termination, rehire) in the same streams change no assignment row.
      return;
  }
}

function scheduleExpiry(client: PoolClient, assignmentId: string, identityId: string, validUntil: string): Promise<void> {
  return scheduleTimer(client, assignmentExpiryTimer(assignmentId, identityId, validUntil));
}
