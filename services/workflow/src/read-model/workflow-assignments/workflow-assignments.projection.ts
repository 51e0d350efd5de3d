import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { AssignmentAdded, AssignmentRevoked } from '../../domain/assignments';
import { ASSIGNMENTS_STREAM_PREFIX } from '@tenure/contracts';
import { CREATE_WORKFLOW_ASSIGNMENTS } from './workflow-assignments.table';

const HANDLED: readonly (AssignmentAdded | AssignmentRevoked)['type'][] = ['AssignmentAdded', 'AssignmentRevoked'];

/** Keeps `workflow_assignments` from the assignments streams; applying an event twice changes nothing. */
export const workflowAssignmentsProjection: Projection = {
  name: 'workflow-assignments',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX], eventTypes: HANDLED },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_ASSIGNMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_assignments');
  },
  apply: applyEvent,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as AssignmentAdded | AssignmentRevoked;
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      await client.query(
        `INSERT INTO workflow_assignments (assignment_id, identity_id, application_id, entitlement_key, source_kind, source_reference,
           source_policy_version, valid_from, valid_until, status, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10) ON CONFLICT (assignment_id) DO NOTHING`,
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
        ],
      );
      return;
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason, revokedAt } = event.data;
      await client.query(
        `UPDATE workflow_assignments SET status = 'revoked', revocation_reason = $2, revoked_at = $3
          WHERE assignment_id = $1 AND status <> 'revoked'`,
        [assignmentId, reason, revokedAt],
      );
      return;
    }
    default:
      // Workflow's own marks (termination, rehire) in the same streams change no assignment row.
      return;
  }
}
