import { ASSIGNMENTS_STREAM_PREFIX, isPublishedAssignmentEvent } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { sqlArray, sqlArrays, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { CREATE_CONNECTOR_ASSIGNMENTS } from './desired-state.tables';

/**
 * Keeps `connector_assignments`, the desired state, from the workflow service's published
 * assignment events. A batch reads the assignments it names once, folds its events in memory (the
 * first addition opens the row, the first revocation of an active row closes it) and writes the
 * new rows in one statement and the stored rows it revoked in another.
 */
export const connectorAssignmentsProjection: Projection = {
  name: 'connector-assignments',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_ASSIGNMENTS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_assignments');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

interface AssignmentRow {
  assignment_id: string;
  identity_id: string;
  application_id: string;
  entitlement_key: string;
  source: unknown;
  valid_from: string | Date;
  valid_until: string | Date | null;
  status: 'active' | 'revoked';
  revocation_reason: string | null;
  added_at: string | Date;
  revoked_at: string | Date | null;
}

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const published = events.flatMap((recorded) => {
    const event = { type: recorded.type, data: recorded.data };
    // The aggregate's other events are workflow's own.
    return isPublishedAssignmentEvent(event) ? [{ event, recordedAt: recorded.recordedAt }] : [];
  });
  if (published.length === 0) return;
  const { rows: stored } = await client.query<AssignmentRow>('SELECT * FROM connector_assignments WHERE assignment_id = ANY ($1::text[])', [
    sqlArray([...new Set(published.map(({ event }) => event.data.assignmentId))]),
  ]);
  const rows = new Map(stored.map((row) => [row.assignment_id, row]));
  const storedIds = new Set(rows.keys());
  const changed = new Set<string>();
  for (const { event, recordedAt } of published) {
    const row = rows.get(event.data.assignmentId);
    if (event.type === 'AssignmentAdded') {
      if (row) continue; // added once; a second copy (a replay overlapping the live log) changes nothing
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      rows.set(assignmentId, {
        assignment_id: assignmentId,
        identity_id: identityId,
        application_id: applicationId,
        entitlement_key: entitlementKey,
        source,
        valid_from: validFrom,
        valid_until: validUntil,
        status: 'active',
        revocation_reason: null,
        added_at: recordedAt,
        revoked_at: null,
      });
    } else {
      // Revoked once: a revocation of an assignment not (yet) known, or already revoked, changes nothing.
      if (row?.status !== 'active') continue;
      Object.assign(row, { status: 'revoked', revocation_reason: event.data.reason, revoked_at: event.data.revokedAt });
    }
    changed.add(event.data.assignmentId);
  }
  const added: AssignmentRow[] = [];
  const revoked: AssignmentRow[] = [];
  // A stored row changes only by its revocation.
  for (const assignmentId of changed) (storedIds.has(assignmentId) ? revoked : added).push(rows.get(assignmentId)!);
  if (added.length > 0) await insertRows(client, added);
  if (revoked.length > 0) await revokeRows(client, revoked);
}

/**
 * New rows, as one JSON document: `source` is JSON already, and escaping it into an array literal
 * costs Node more than PostgreSQL saves by parsing arrays instead.
 */
async function insertRows(client: PoolClient, rows: readonly AssignmentRow[]): Promise<void> {
  await client.query(
    `INSERT INTO connector_assignments (assignment_id, identity_id, application_id, entitlement_key, source, valid_from, valid_until, status,
       revocation_reason, added_at, revoked_at)
     SELECT assignment_id, identity_id, application_id, entitlement_key, source, valid_from, valid_until, status, revocation_reason,
            added_at, revoked_at
       FROM jsonb_to_recordset($1::jsonb) AS r(assignment_id text, identity_id text, application_id text, entitlement_key text,
            source jsonb, valid_from timestamptz, valid_until timestamptz, status text, revocation_reason text, added_at timestamptz,
            revoked_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

async function revokeRows(client: PoolClient, rows: readonly AssignmentRow[]): Promise<void> {
  await client.query(
    `UPDATE connector_assignments a SET status = r.status, revocation_reason = r.revocation_reason, revoked_at = r.revoked_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS r(assignment_id, status, revocation_reason, revoked_at)
      WHERE a.assignment_id = r.assignment_id`,
    sqlArrays([
      rows.map((row) => row.assignment_id),
      rows.map((row) => row.status),
      rows.map((row) => row.revocation_reason),
      rows.map((row) => row.revoked_at),
    ]),
  );
}
