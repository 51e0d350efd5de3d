import {
  ASSIGNMENTS_STREAM_PREFIX,
  isPublishedAssignmentEvent,
  PUBLISHED_ASSIGNMENT_EVENT_TYPES,
  type PublishedAssignmentEvent,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { CREATE_POLICY_ASSIGNMENTS } from './policy-assignments.table';

/**
 * Keeps `policy_assignments` from the published assignment events. A batch inserts its additions,
 * then marks its revocations: an assignment id is never added again, and its revocation always comes
 * after its addition, so that order gives the same rows as one event at a time.
 */
export const policyAssignmentsProjection: Projection = {
  name: 'policy-assignments',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX], eventTypes: PUBLISHED_ASSIGNMENT_EVENT_TYPES },
  async setup(client) {
    await client.query(CREATE_POLICY_ASSIGNMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE policy_assignments');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

async function applyEvents(recorded: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const events = recorded
    .filter((event) => event.streamId.startsWith(ASSIGNMENTS_STREAM_PREFIX) && isPublishedAssignmentEvent(event))
    .map((event) => ({ type: event.type, data: event.data }) as PublishedAssignmentEvent);
  const additions = events.flatMap((event) =>
    event.type === 'AssignmentAdded'
      ? [
          {
            assignment_id: event.data.assignmentId,
            identity_id: event.data.identityId,
            application_id: event.data.applicationId,
            entitlement_key: event.data.entitlementKey,
            source: event.data.source,
          },
        ]
      : [],
  );
  const revocations = events.flatMap((event) => (event.type === 'AssignmentRevoked' ? [event.data.assignmentId] : []));
  if (additions.length > 0) {
    await client.query(
      `INSERT INTO policy_assignments (assignment_id, identity_id, application_id, entitlement_key, source)
       SELECT assignment_id, identity_id, application_id, entitlement_key, source
         FROM jsonb_to_recordset($1::jsonb) AS r(assignment_id text, identity_id text, application_id text, entitlement_key text, source jsonb)
       ON CONFLICT (assignment_id) DO NOTHING`,
      [JSON.stringify(additions)],
    );
  }
  if (revocations.length > 0) {
    await client.query('UPDATE policy_assignments SET revoked = true WHERE assignment_id = ANY ($1::text[])', [revocations]);
  }
}
