import type { RecordedEvent } from '@tenure/event-sourcing';
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
 * concerns. It reads the whole log, so a batch costs one read and two writes whatever its size:
 * the references it names are loaded at once, and its rows and the references it teaches are
 * inserted with one statement each (see `write` for the savepoint around them).
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

async function indexEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
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
  readonly eventIds: string[] = [];
  readonly occurredAts: string[] = [];
  readonly identityIds: (string | null)[] = [];
  readonly applicationIds: (string | null)[] = [];
  readonly entitlementKeys: (string | null)[] = [];

  /** The events of one command share their occurredAt: each time given is parsed once per batch. */
  private readonly isoTimes = new Map<string, string>();

  get length(): number {
    return this.eventIds.length;
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
      this.eventIds.push(event.metadata.eventId);
      this.occurredAts.push(occurred);
      this.identityIds.push(subject.identityId);
      this.applicationIds.push(subject.applicationId);
      this.entitlementKeys.push(subject.entitlementKey);
    }
  }
}

/** Under this many rows a savepoint's two round trips cost more than checking each row for a conflict. */
const OPTIMISTIC_FROM_ROWS = 64;

/**
 * Rows and references are new unless the batch is applied again (the runner skips what its
 * checkpoint has seen, so that is rare). Checking each row for a conflict costs about a third of
 * the insert, so a large batch is inserted plainly under a savepoint; when the unique indexes
 * report a row or reference already there, it is rolled back and inserted again skipping those.
 * (A savepoint needs a transaction: outside one, each row is checked.)
 */
async function write(client: PoolClient, rows: IndexRows, learned: readonly LearnedReference[]): Promise<void> {
  const small = rows.length + learned.length < OPTIMISTIC_FROM_ROWS;
  if (small || client.getTransactionStatus() !== 'T') return insertAll(client, rows, learned, 'skip-existing');
  await client.query('SAVEPOINT audit_trail_plain_insert');
  try {
    await insertAll(client, rows, learned, 'plain');
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await client.query('ROLLBACK TO SAVEPOINT audit_trail_plain_insert');
    await insertAll(client, rows, learned, 'skip-existing');
  }
  await client.query('RELEASE SAVEPOINT audit_trail_plain_insert');
}

type Conflicts = 'plain' | 'skip-existing';

async function insertAll(client: PoolClient, rows: IndexRows, learned: readonly LearnedReference[], conflicts: Conflicts): Promise<void> {
  await insertRows(client, rows, conflicts);
  await saveReferences(client, learned, conflicts);
}

async function insertRows(client: PoolClient, rows: IndexRows, conflicts: Conflicts): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO audit_trail_index (commit_position, prepare_position, event_id, occurred_at, identity_id, application_id, entitlement_key)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
     ${conflicts === 'skip-existing' ? 'ON CONFLICT (identity_id, commit_position, prepare_position, application_id, entitlement_key) DO NOTHING' : ''}`,
    [
      sqlArray(rows.commitPositions),
      sqlArray(rows.preparePositions),
      sqlArray(rows.eventIds),
      sqlArray(rows.occurredAts),
      sqlArray(rows.identityIds),
      sqlArray(rows.applicationIds),
      sqlArray(rows.entitlementKeys),
    ],
  );
}

async function saveReferences(client: PoolClient, entries: readonly LearnedReference[], conflicts: Conflicts): Promise<void> {
  if (entries.length === 0) return;
  await client.query(
    `INSERT INTO audit_trail_references (kind, reference_id, identity_id, application_id, entitlement_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ${conflicts === 'skip-existing' ? 'ON CONFLICT (kind, reference_id) DO NOTHING' : ''}`,
    [
      sqlArray(entries.map((entry) => entry.reference.kind)),
      sqlArray(entries.map((entry) => entry.reference.id)),
      sqlArray(entries.map((entry) => entry.subject.identityId)),
      sqlArray(entries.map((entry) => entry.subject.applicationId)),
      sqlArray(entries.map((entry) => entry.subject.entitlementKey)),
    ],
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
