import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { referenceKey, referencesIn, subjectsOf, type EventSubject, type ReferenceKind, type SubjectReference } from './event-subjects';
import { CREATE_AUDIT_TRAIL_TABLES } from './audit-trail.table';

/**
 * Indexes every event of every context by the identities, applications and entitlements it
 * concerns. It reads the whole log, so a batch costs two reads and two writes whatever its size:
 * the references it names are loaded at once, and its rows are inserted with one statement each.
 * Idempotent: a row or reference seen again is left as it is.
 */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  async setup(client) {
    await client.query(CREATE_AUDIT_TRAIL_TABLES);
  },
  async reset(client) {
    await client.query('TRUNCATE audit_trail_index, audit_trail_references');
  },
  apply(event, client) {
    return indexEvents([event], client);
  },
  applyBatch(events, client) {
    return indexEvents(events, client);
  },
};

interface IndexRow extends EventSubject {
  readonly event: RecordedEvent;
}

async function indexEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const known = await loadReferences(client, events.flatMap(referencesIn));
  const learned = new Map<string, { reference: SubjectReference; subject: EventSubject }>();
  const rows: IndexRow[] = [];
  for (const event of events) {
    const found = subjectsOf(event, (reference) => known.get(referenceKey(reference)));
    for (const entry of found.learned) {
      const key = referenceKey(entry.reference);
      // The first event that names a reference in full defines it; later ones only repeat it.
      if (known.has(key)) continue;
      known.set(key, entry.subject);
      learned.set(key, entry);
    }
    rows.push(...found.subjects.map((subject) => ({ ...subject, event })));
  }
  await insertRows(client, rows);
  await saveReferences(client, [...learned.values()]);
}

async function loadReferences(client: PoolClient, references: readonly SubjectReference[]): Promise<Map<string, EventSubject>> {
  const known = new Map<string, EventSubject>();
  if (references.length === 0) return known;
  const { rows } = await client.query<{
    kind: ReferenceKind;
    reference_id: string;
    identity_id: string | null;
    application_id: string | null;
    entitlement_key: string | null;
  }>(
    `SELECT r.kind, r.reference_id, r.identity_id, r.application_id, r.entitlement_key
       FROM audit_trail_references r
       JOIN unnest($1::text[], $2::text[]) AS wanted(kind, reference_id) USING (kind, reference_id)`,
    [references.map((reference) => reference.kind), references.map((reference) => reference.id)],
  );
  for (const row of rows) {
    known.set(referenceKey({ kind: row.kind, id: row.reference_id }), {
      identityId: row.identity_id,
      applicationId: row.application_id,
      entitlementKey: row.entitlement_key,
    });
  }
  return known;
}

async function insertRows(client: PoolClient, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO audit_trail_index (commit_position, prepare_position, event_id, occurred_at, identity_id, application_id, entitlement_key)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT ON CONSTRAINT audit_trail_index_row DO NOTHING`,
    [
      rows.map((row) => row.event.position.commit.toString()),
      rows.map((row) => row.event.position.prepare.toString()),
      rows.map((row) => row.event.metadata.eventId),
      rows.map((row) => occurredAt(row.event)),
      rows.map((row) => row.identityId),
      rows.map((row) => row.applicationId),
      rows.map((row) => row.entitlementKey),
    ],
  );
}

async function saveReferences(
  client: PoolClient,
  entries: readonly { readonly reference: SubjectReference; readonly subject: EventSubject }[],
): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    `INSERT INTO audit_trail_references (kind, reference_id, identity_id, application_id, entitlement_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (kind, reference_id) DO NOTHING`,
    [
      entries.map((entry) => entry.reference.kind),
      entries.map((entry) => entry.reference.id),
      entries.map((entry) => entry.subject.identityId),
      entries.map((entry) => entry.subject.applicationId),
      entries.map((entry) => entry.subject.entitlementKey),
    ],
  );
}

/** The domain time, falling back to the commit time for an event whose metadata lacks a valid one. */
function occurredAt(event: RecordedEvent): string {
  const occurred = new Date(event.metadata.occurredAt);
  return Number.isNaN(occurred.getTime()) ? event.recordedAt.toISOString() : occurred.toISOString();
}
