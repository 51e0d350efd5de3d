import { comparePositions, type RecordedEvent } from '@tenure/event-sourcing';
import { sqlArray, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import {
  addReferences,
  referenceKey,
  scanEvent,
  subjectsOfScan,
  type EventSubject,
  type LearnedReference,
  type ReferenceKind,
  type SubjectReference,
} from './event-subjects';
import { CREATE_AUDIT_TRAIL_TABLES } from './audit-trail.table';

/**
 * Indexes every event of every context by the identities, applications and entitlements it
 * concerns. It reads the whole log, so a batch costs two reads and two writes whatever its size:
 * the last position indexed and the references it names are loaded at once, and its rows and the
 * references it teaches are inserted with one statement each.
 * Idempotent: events are applied in log order, so an event at or before the last position indexed
 * was indexed already (with every reference it taught) and is skipped.
 */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  // Its own reads: the last position indexed. The identity and application indexes serve queries only.
  lookupIndexes: ['audit_trail_index_position'],
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

async function indexEvents(batch: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const events = await unindexed(client, batch);
  if (events.length === 0) return;
  // Each event's data is walked once: the batch's references are loaded, then subjects read from the same scans.
  const scans = events.map(scanEvent);
  const named = new Map<string, SubjectReference>();
  for (const scanned of scans) addReferences(scanned, named);
  const known = await loadReferences(client, named);
  const lookup = (key: string) => known.get(key);
  const learned: LearnedReference[] = [];
  const rows = new IndexRows();
  for (let i = 0; i < events.length; i++) {
    const found = subjectsOfScan(scans[i]!, lookup);
    for (const entry of found.learned) {
      // The first event that names a reference in full defines it; later ones only repeat it.
      if (known.has(entry.key)) continue;
      known.set(entry.key, entry.subject);
      learned.push(entry);
    }
    rows.add(events[i]!, found.subjects);
  }
  await write(client, rows, learned);
}

/** The events after the last one indexed (all of them, unless a batch is applied again). */
async function unindexed(client: PoolClient, events: readonly RecordedEvent[]): Promise<readonly RecordedEvent[]> {
  // Named apart from the columns: ORDER BY would otherwise sort by the text (and scan the table).
  const { rows } = await client.query<{ commit: string; prepare: string }>(
    `SELECT commit_position::text AS commit, prepare_position::text AS prepare FROM audit_trail_index
      ORDER BY commit_position DESC, prepare_position DESC LIMIT 1`,
  );
  const last = rows[0];
  if (!last) return events;
  const position = { commit: BigInt(last.commit), prepare: BigInt(last.prepare) };
  return events.filter((event) => comparePositions(event.position, position) > 0);
}

/** What earlier batches learned about the references named (each once, by key). */
async function loadReferences(client: PoolClient, named: ReadonlyMap<string, SubjectReference>): Promise<Map<string, EventSubject>> {
  const known = new Map<string, EventSubject>();
  if (named.size === 0) return known;
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
    [sqlArray([...named.values()].map((reference) => reference.kind)), sqlArray([...named.values()].map((reference) => reference.id))],
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

/** The index rows of a batch as columns: one row per (event, subject), the event's own values computed once. */
class IndexRows {
  readonly commitPositions: string[] = [];
  readonly preparePositions: string[] = [];
  readonly occurredAts: string[] = [];
  readonly identityIds: (string | null)[] = [];
  readonly applicationIds: (string | null)[] = [];
  readonly entitlementKeys: (string | null)[] = [];

  /** The events of one command share their occurredAt: each time given is parsed once per batch. */
  private readonly isoTimes = new Map<string, string>();

  get length(): number {
    return this.commitPositions.length;
  }

  /** The domain time, falling back to the commit time for an event whose metadata lacks a valid one. */
  private occurredAt(event: RecordedEvent): string {
    const given = event.metadata.occurredAt;
    const parsed = this.isoTimes.get(given);
    if (parsed !== undefined) return parsed;
    const occurred = new Date(given);
    if (Number.isNaN(occurred.getTime())) return event.recordedAt.toISOString();
    const iso = occurred.toISOString();
    this.isoTimes.set(given, iso);
    return iso;
  }

  add(event: RecordedEvent, subjects: readonly EventSubject[]): void {
    if (subjects.length === 0) return;
    const commit = event.position.commit.toString();
    const prepare = event.position.prepare.toString();
    const occurred = this.occurredAt(event);
    for (const subject of subjects) {
      this.commitPositions.push(commit);
      this.preparePositions.push(prepare);
      this.occurredAts.push(occurred);
      this.identityIds.push(subject.identityId);
      this.applicationIds.push(subject.applicationId);
      this.entitlementKeys.push(subject.entitlementKey);
    }
  }
}

async function write(client: PoolClient, rows: IndexRows, learned: readonly LearnedReference[]): Promise<void> {
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO audit_trail_index (commit_position, prepare_position, occurred_at, identity_id, application_id, entitlement_key)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])`,
      [
        sqlArray(rows.commitPositions),
        sqlArray(rows.preparePositions),
        sqlArray(rows.occurredAts),
        sqlArray(rows.identityIds),
        sqlArray(rows.applicationIds),
        sqlArray(rows.entitlementKeys),
      ],
    );
  }
  // Only references no earlier event taught (see indexEvents): none is in the table yet.
  if (learned.length > 0) {
    await client.query(
      `INSERT INTO audit_trail_references (kind, reference_id, identity_id, application_id, entitlement_key)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        sqlArray(learned.map((entry) => entry.reference.kind)),
        sqlArray(learned.map((entry) => entry.reference.id)),
        sqlArray(learned.map((entry) => entry.subject.identityId)),
        sqlArray(learned.map((entry) => entry.subject.applicationId)),
        sqlArray(learned.map((entry) => entry.subject.entitlementKey)),
      ],
    );
  }
}
