import { DomainError } from '@tenure/event-sourcing';
import type { Queryable } from '../queryable';
import type { OperationRow, OperationStatus } from './operations.table';

const WAITING = `status IN ('requested', 'retrying')`;
const NOT_PAUSED = `NOT EXISTS (SELECT 1 FROM connector_applications a WHERE a.application_id = o.application_id AND a.paused)`;

/** Operation ids and row revisions, given as two array parameters, as a table. */
const pairs = (ids: string, revisions: string) =>
  `SELECT operation_id, revision FROM unnest(${ids}::text[], ${revisions}::bigint[]) AS p(operation_id, revision)`;

/**
 * A due operation, with the revision of its application's stream now: its configuration's version
 * (a connector opened at an older one has stale settings or credentials). Read from the log itself,
 * not from a read model that may lag.
 */
export type DueOperationRow = OperationRow & { readonly application_revision: string | null };

/** Operation id → the revision its row showed when the worker ran it. */
export type RowRevisions = ReadonlyMap<string, string>;

export interface DueOperationsQuery {
  readonly applicationId: string;
  /** The application's stream, whose head revision comes with each row. */
  readonly applicationStreamId: string;
  readonly now: Date;
  readonly limit: number;
  /** Operations running or run here whose rows have not changed since: not to be started (again). */
  readonly seen: RowRevisions;
  /** Operations this worker settled (succeeded, dead, dismissed, task opened) that the read model may still show waiting. */
  readonly settled: RowRevisions;
}

/**
 * The operations of one application the worker may start now: due, not run already, first in
 * request order for their subject (operations for one identity in one application run one at a
 * time, in the order they were requested), the application not paused. Leaver work goes first,
 * with whatever must run before it for the same person; then the oldest.
 */
export async function dueOperations(db: Queryable, query: DueOperationsQuery): Promise<DueOperationRow[]> {
  // The application's waiting rows are read once (one index range) and ranked per subject with
  // window functions: a correlated "no earlier waiting operation" check per row made this quadratic
  // in the queue's length (10,000 queued grants ran at 33 operations/s). Named, so each connection
  // plans it once: it runs after every operation that finishes.
  const { rows } = await db.query<DueOperationRow>({
    name: 'connector-due-operations',
    text: `WITH settled AS (${pairs('$3', '$4')}), seen AS (${pairs('$5', '$6')}),
     waiting AS MATERIALIZED (
       SELECT o.* FROM connector_operations o
        WHERE o.application_id = $2 AND o.${WAITING}
          AND NOT EXISTS (SELECT 1 FROM settled s WHERE s.operation_id = o.operation_id AND s.revision = o.revision)),
     ranked AS (
       SELECT w.*,
              row_number() OVER (PARTITION BY w.subject ORDER BY w.request_commit, w.request_prepare) AS place_in_subject,
              bool_or(w.priority = 'leaver') OVER (PARTITION BY w.subject) AS subject_has_leaver_work
         FROM waiting w)
     SELECT o.*, (SELECT max(r.revision)::text FROM tenure_events r WHERE r.stream_id = $8) AS application_revision
       FROM ranked o
      WHERE o.place_in_subject = 1 AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $1) AND ${NOT_PAUSED}
        AND NOT EXISTS (SELECT 1 FROM seen s WHERE s.operation_id = o.operation_id AND s.revision = o.revision)
      ORDER BY o.subject_has_leaver_work DESC, o.request_commit, o.request_prepare
      LIMIT $7`,
    values: [
      query.now,
      query.applicationId,
      [...query.settled.keys()],
      [...query.settled.values()],
      [...query.seen.keys()],
      [...query.seen.values()],
      query.limit,
      query.applicationStreamId,
    ],
  });
  return rows;
}

/** Applications with an operation to start now, not paused (an unregistered one is tried: its operations fail visibly). */
export async function applicationsWithDueOperations(db: Queryable, now: Date): Promise<string[]> {
  // Runs on every wake-up: it only says which lanes to open, each lane picks its rows precisely
  // (dueOperations), so it skips the per-subject ordering that made it cost more as the queue grew.
  const { rows } = await db.query<{ application_id: string }>({
    name: 'connector-applications-with-due-operations',
    text: `SELECT DISTINCT o.application_id FROM connector_operations o
            WHERE o.${WAITING} AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $1) AND ${NOT_PAUSED}`,
    values: [now],
  });
  return rows.map((row) => row.application_id);
}

/** Applications where the identity has work under way (a grant may be creating an account there): the leaver kill switch covers them. */
export async function applicationsWithOpenOperationsOf(db: Queryable, identityId: string): Promise<string[]> {
  const { rows } = await db.query<{ application_id: string }>(
    `SELECT DISTINCT application_id FROM connector_operations
      WHERE identity_id = $1 AND status IN ('requested', 'retrying', 'awaiting-person') ORDER BY application_id`,
    [identityId],
  );
  return rows.map((row) => row.application_id);
}

/** The revision of the application's stream now (see DueOperationRow); null when it has none. */
export async function streamRevision(db: Queryable, streamId: string): Promise<string | null> {
  const { rows } = await db.query<{ revision: string | null }>(
    'SELECT max(revision)::text AS revision FROM tenure_events WHERE stream_id = $1',
    [streamId],
  );
  return rows[0]?.revision ?? null;
}

export async function findOperation(db: Queryable, operationId: string): Promise<OperationRow | null> {
  const { rows } = await db.query<OperationRow>('SELECT * FROM connector_operations WHERE operation_id = $1', [operationId]);
  return rows[0] ?? null;
}

export interface OperationSearch {
  readonly applicationId?: string | undefined;
  readonly identityId?: string | undefined;
  readonly statuses?: readonly OperationStatus[] | undefined;
  readonly first: number;
  /** The cursor of the last operation of the previous page. */
  readonly after?: string | undefined;
}

export interface OperationPage {
  readonly operations: readonly { readonly cursor: string; readonly operation: OperationRow }[];
  readonly hasNextPage: boolean;
}

/** Newest request first; a cursor is the request's log position, opaque to clients. */
export async function searchOperations(db: Queryable, search: OperationSearch): Promise<OperationPage> {
  const after = search.after ? decodeCursor(search.after) : null;
  const { rows } = await db.query<OperationRow>(
    `SELECT * FROM connector_operations
      WHERE ($1::text IS NULL OR application_id = $1)
        AND ($2::text IS NULL OR identity_id = $2)
        AND ($3::text[] IS NULL OR status = ANY ($3::text[]))
        AND ($4::bigint IS NULL OR (request_commit, request_prepare) < ($4, $5))
      ORDER BY request_commit DESC, request_prepare DESC
      LIMIT $6`,
    [
      search.applicationId ?? null,
      search.identityId ?? null,
      search.statuses && search.statuses.length > 0 ? search.statuses : null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      search.first + 1,
    ],
  );
  return {
    operations: rows.slice(0, search.first).map((row) => ({ cursor: encodeCursor(row), operation: row })),
    hasNextPage: rows.length > search.first,
  };
}

export interface ManualTaskSearch {
  readonly applicationId?: string | undefined;
  /** open: not completed nor dismissed; overdue: open and past due at `now`; all: every task ever opened. */
  readonly state: 'open' | 'overdue' | 'all';
  readonly now: Date;
  readonly first: number;
  readonly after?: string | undefined;
}

/** Manual tasks, soonest due first. */
export async function searchManualTasks(db: Queryable, search: ManualTaskSearch): Promise<OperationPage> {
  const after = search.after ? decodeTaskCursor(search.after) : null;
  const { rows } = await db.query<OperationRow>(
    `SELECT * FROM connector_operations
      WHERE task_opened_at IS NOT NULL
        AND ($1::text IS NULL OR application_id = $1)
        AND ($2 = 'all' OR status = 'awaiting-person')
        AND ($2 <> 'overdue' OR task_due_at < $3)
        AND ($4::timestamptz IS NULL OR (task_due_at, operation_id) > ($4, $5))
      ORDER BY task_due_at, operation_id
      LIMIT $6`,
    [search.applicationId ?? null, search.state, search.now, after?.dueAt ?? null, after?.operationId ?? null, search.first + 1],
  );
  return {
    operations: rows.slice(0, search.first).map((row) => ({ cursor: encodeTaskCursor(row), operation: row })),
    hasNextPage: rows.length > search.first,
  };
}

/** What provisioning to an application last did: for its health. */
export interface ApplicationActivity {
  readonly lastSuccessAt: Date | null;
  readonly lastError: { readonly kind: string; readonly message: string; readonly at: Date } | null;
  readonly waiting: number;
  readonly deadLetters: number;
  readonly openTasks: number;
}

export async function applicationActivity(db: Queryable, applicationId: string): Promise<ApplicationActivity> {
  const { rows } = await db.query<{
    last_success_at: Date | null;
    waiting: number;
    dead: number;
    open_tasks: number;
    error_kind: string | null;
    error: string | null;
    error_at: Date | null;
  }>(
    `SELECT
       (SELECT max(completed_at) FROM connector_operations WHERE application_id = $1 AND status = 'succeeded' AND completed_via = 'connector')
         AS last_success_at,
       (SELECT count(*)::int FROM connector_operations WHERE application_id = $1 AND ${WAITING}) AS waiting,
       (SELECT count(*)::int FROM connector_operations WHERE application_id = $1 AND status = 'dead') AS dead,
       (SELECT count(*)::int FROM connector_operations WHERE application_id = $1 AND status = 'awaiting-person') AS open_tasks,
       e.last_error_kind AS error_kind, e.last_error AS error, e.last_error_at AS error_at
     FROM (SELECT 1) one
     LEFT JOIN LATERAL (
       SELECT last_error_kind, last_error, last_error_at FROM connector_operations
        WHERE application_id = $1 AND last_error_at IS NOT NULL ORDER BY last_error_at DESC LIMIT 1) e ON true`,
    [applicationId],
  );
  const row = rows[0]!;
  return {
    lastSuccessAt: row.last_success_at,
    lastError: row.error_at ? { kind: row.error_kind ?? 'internal', message: row.error ?? '', at: row.error_at } : null,
    waiting: row.waiting,
    deadLetters: row.dead,
    openTasks: row.open_tasks,
  };
}

function encodeCursor(row: OperationRow): string {
  return Buffer.from(JSON.stringify([row.request_commit, row.request_prepare]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const parsed = parseCursor(cursor);
  if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string' && /^\d+$/.test(part))) {
    return parsed as [string, string];
  }
  throw invalidCursor();
}

function encodeTaskCursor(row: OperationRow): string {
  return Buffer.from(JSON.stringify([row.task_due_at?.toISOString(), row.operation_id]), 'utf8').toString('base64url');
}

function decodeTaskCursor(cursor: string): { dueAt: string; operationId: string } {
  const parsed = parseCursor(cursor);
  if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
    return { dueAt: parsed[0], operationId: parsed[1] };
  }
  throw invalidCursor();
}

function parseCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

function invalidCursor(): DomainError {
  return new DomainError('validation', 'the cursor is not one this query returned: pass pageInfo.endCursor as `after`', { field: 'after' });
}
