import { ASSIGNMENTS_STREAM_PREFIX, IDENTITY_STREAM_PREFIX, type PublishedIdentityEvent } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import { applyAssignmentHistoryBatch } from './workflow-assignment-history.batch';
import { CREATE_WORKFLOW_ASSIGNMENT_HISTORY } from './workflow-assignment-history.table';

type HandledAssignmentEvent = Exclude<
  AssignmentsEvent['type'],
  'AssignmentBlocked' | 'IdentityMarkedTerminated' | 'IdentityMarkedRehired' | 'AssignmentProvisioningFailed'
>;
const ASSIGNMENT_EVENTS: readonly HandledAssignmentEvent[] = [
  'AssignmentAdded',
  'AssignmentProvisioned',
  'AssignmentExtended',
  'AssignmentRevoked',
  'AssignmentRevocationAcknowledged',
];
/** The identity events that name both the identity id and the employee number. */
const IDENTITY_EVENTS: readonly PublishedIdentityEvent['type'][] = ['IdentityHired', 'IdentityActivated', 'IdentityTerminated'];

/**
 * Keeps `workflow_assignment_history` from the assignments streams: each assignment's interval with
 * its source and its four instants, never deleted, so "who held what at T" is answered for any past
 * T. Each instant is recorded once (the first event that sets it wins), so applying an event twice
 * changes nothing. A batch (a replay, a burst) is folded in memory: see the batch file.
 */
export const workflowAssignmentHistoryProjection: Projection = {
  name: 'workflow-assignment-history',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX, IDENTITY_STREAM_PREFIX], eventTypes: [...ASSIGNMENT_EVENTS, ...IDENTITY_EVENTS] },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_ASSIGNMENT_HISTORY);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_assignment_history, workflow_assignment_history_identities');
  },
  apply: applyEvent,
  applyBatch: applyAssignmentHistoryBatch,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  if (recorded.streamId.startsWith(IDENTITY_STREAM_PREFIX)) {
    await rememberEmployeeNumber(client, recorded.data as { identityId: string; employeeNumber: string });
    return;
  }
  const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      await client.query(
        `INSERT INTO workflow_assignment_history (assignment_id, identity_id, employee_number, application_id, entitlement_key,
           source_kind, source_reference, source_policy_version, valid_from, duration_ms, added_at, initial_valid_until)
         VALUES ($1, $2, (SELECT employee_number FROM workflow_assignment_history_identities WHERE identity_id = $2), $3, $4,
           $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (assignment_id) DO NOTHING`,
        [
          assignmentId,
          identityId,
          applicationId,
          entitlementKey,
          source.kind,
          source.reference,
          source.policyVersion,
          validFrom,
          event.data.durationMs ?? null,
          // The time the addition was decided and recorded (as workflow_assignments.added_at).
          recorded.metadata.occurredAt,
          validUntil,
        ],
      );
      return;
    }
    case 'AssignmentProvisioned': {
      // An acknowledgement that arrives after the revocation still counts: the access was in the
      // application from then until the removal was acknowledged.
      const { assignmentId, acknowledgedAt, validUntil } = event.data;
      await client.query(
        `UPDATE workflow_assignment_history SET active_from = $2, initial_valid_until = $3
          WHERE assignment_id = $1 AND active_from IS NULL`,
        [assignmentId, acknowledgedAt, validUntil],
      );
      return;
    }
    case 'AssignmentExtended': {
      const { assignmentId, requestId, validUntil, extendedAt } = event.data;
      await client.query(
        `UPDATE workflow_assignment_history SET extensions = extensions || jsonb_build_array($2::jsonb)
          WHERE assignment_id = $1 AND NOT extensions @> jsonb_build_array(jsonb_build_object('requestId', $3::text))`,
        [assignmentId, JSON.stringify({ requestId, validUntil, extendedAt }), requestId],
      );
      return;
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason, revokedAt } = event.data;
      await client.query(
        `UPDATE workflow_assignment_history SET revoked_at = $2, revocation_reason = $3 WHERE assignment_id = $1 AND revoked_at IS NULL`,
        [assignmentId, revokedAt, reason],
      );
      return;
    }
    case 'AssignmentRevocationAcknowledged': {
      const { assignmentId, acknowledgedAt } = event.data;
      await client.query(
        `UPDATE workflow_assignment_history SET revocation_acknowledged_at = $2
          WHERE assignment_id = $1 AND revocation_acknowledged_at IS NULL`,
        [assignmentId, acknowledgedAt],
      );
      return;
    }
    default:
      // Failures, blocks and the lifecycle marks change no interval.
      return;
  }
}

async function rememberEmployeeNumber(client: PoolClient, identity: { identityId: string; employeeNumber: string }): Promise<void> {
  await client.query(
    `INSERT INTO workflow_assignment_history_identities (identity_id, employee_number) VALUES ($1, $2)
     ON CONFLICT (identity_id) DO NOTHING`,
    [identity.identityId, identity.employeeNumber],
  );
  // Assignments recorded before the identity's first event (only in hand-made histories) get it now.
  await client.query('UPDATE workflow_assignment_history SET employee_number = $2 WHERE identity_id = $1 AND employee_number IS NULL', [
    identity.identityId,
    identity.employeeNumber,
  ]);
}
