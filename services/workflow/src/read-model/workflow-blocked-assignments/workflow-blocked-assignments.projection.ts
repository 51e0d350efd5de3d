import { ASSIGNMENTS_STREAM_PREFIX } from '@tenure/contracts';
import type { Projection } from '@tenure/event-store-postgres';
import type { AssignmentAdded, AssignmentBlocked, IdentityMarkedTerminated } from '../../domain/assignments';
import { applyBlockedAssignmentsBatch } from './workflow-blocked-assignments.batch';
import { CREATE_WORKFLOW_BLOCKED_ASSIGNMENTS } from './workflow-blocked-assignments.table';

const HANDLED: readonly (AssignmentBlocked | AssignmentAdded | IdentityMarkedTerminated)['type'][] = [
  'AssignmentBlocked',
  'AssignmentAdded',
  'IdentityMarkedTerminated',
];

/** Keeps `workflow_blocked_assignments` from the assignments streams: raised by AssignmentBlocked, cleared by an addition or the leaver. */
export const workflowBlockedAssignmentsProjection: Projection = {
  name: 'workflow-blocked-assignments',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX], eventTypes: HANDLED },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_BLOCKED_ASSIGNMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_blocked_assignments');
  },
  /** The same end state as `apply` per event, in three statements (workflow-blocked-assignments.batch.ts). */
  applyBatch: applyBlockedAssignmentsBatch,
  async apply(recorded, client) {
    const event = { type: recorded.type, data: recorded.data } as AssignmentBlocked | AssignmentAdded | IdentityMarkedTerminated;
    switch (event.type) {
      case 'AssignmentBlocked': {
        const { identityId, applicationId, entitlementKey, source, rules, blockedAt } = event.data;
        await client.query(
          `INSERT INTO workflow_blocked_assignments (identity_id, application_id, entitlement_key, source, rules, blocked_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (identity_id, application_id, entitlement_key) DO UPDATE SET
             source = EXCLUDED.source, rules = EXCLUDED.rules, blocked_at = EXCLUDED.blocked_at`,
          [identityId, applicationId, entitlementKey, JSON.stringify(source), JSON.stringify(rules), blockedAt],
        );
        return;
      }
      case 'AssignmentAdded':
        await client.query(
          'DELETE FROM workflow_blocked_assignments WHERE identity_id = $1 AND application_id = $2 AND entitlement_key = $3',
          [event.data.identityId, event.data.applicationId, event.data.entitlementKey],
        );
        return;
      case 'IdentityMarkedTerminated':
        await client.query('DELETE FROM workflow_blocked_assignments WHERE identity_id = $1', [event.data.identityId]);
        return;
      default:
        return; // other assignment events do not change a block
    }
  },
};
