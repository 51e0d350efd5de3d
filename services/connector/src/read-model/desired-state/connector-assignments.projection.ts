import { ASSIGNMENTS_STREAM_PREFIX, isPublishedAssignmentEvent } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { CREATE_CONNECTOR_ASSIGNMENTS } from './desired-state.tables';

/** Keeps `connector_assignments`, the desired state, from the workflow service's published assignment events. */
export const connectorAssignmentsProjection: Projection = {
  name: 'connector-assignments',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_ASSIGNMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_assignments');
  },
  apply: (recorded, client) => applyEvent(recorded, client),
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data };
  if (!isPublishedAssignmentEvent(event)) return; // the aggregate's other events are workflow's own
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      await client.query(
        `INSERT INTO connector_assignments (assignment_id, identity_id, application_id, entitlement_key, source, valid_from, valid_until,
           status, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8) ON CONFLICT (assignment_id) DO NOTHING`,
        [assignmentId, identityId, applicationId, entitlementKey, JSON.stringify(source), validFrom, validUntil, recorded.recordedAt],
      );
      return;
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason, revokedAt } = event.data;
      await client.query(
        `UPDATE connector_assignments SET status = 'revoked', revocation_reason = $2, revoked_at = $3
          WHERE assignment_id = $1 AND status = 'active'`,
        [assignmentId, reason, revokedAt],
      );
      return;
    }
  }
}
