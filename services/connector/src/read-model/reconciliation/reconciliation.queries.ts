import { DomainError } from '@tenure/event-sourcing';
import type { DriftCounts, DriftKind, KnownDrift, RemediationCounts } from '../../domain/reconciliation';
import type { Queryable } from '../queryable';
import type { DriftRow, ReconciliationRunRow } from './reconciliation.tables';

export interface ReconciliationRunView {
  readonly runId: string;
  readonly applicationId: string;
  readonly trigger: string;
  readonly startedBy: string;
  readonly remediation: string;
  readonly status: ReconciliationRunRow['status'];
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly accountsSeen: number | null;
  readonly grantsSeen: number | null;
  /** Found so far (while running) or in all. */
  readonly driftFound: number;
  readonly drift: DriftCounts | null;
  readonly newDrift: number | null;
  readonly remediationCounts: RemediationCounts | null;
  readonly listingRestarts: readonly string[];
  readonly durationMs: number | null;
  readonly error: { readonly kind: string; readonly message: string } | null;
}

export interface Paged<T> {
  readonly items: readonly { readonly cursor: string; readonly node: T }[];
  readonly hasNextPage: boolean;
}

/** Newest first. */
export async function listRuns(
  db: Queryable,
  query: { readonly applicationId?: string | undefined; readonly first: number; readonly after?: string | undefined },
): Promise<Paged<ReconciliationRunView>> {
  const after = query.after ? decodeCursor(query.after, 2) : null;
  const { rows } = await db.query<ReconciliationRunRow>(
    `SELECT * FROM connector_reconciliation_runs
      WHERE ($1::text IS NULL OR application_id = $1)
        AND ($2::timestamptz IS NULL OR (started_at, run_id) < ($2, $3))
      ORDER BY started_at DESC, run_id DESC
      LIMIT $4`,
    [query.applicationId ?? null, after?.[0] ?? null, after?.[1] ?? null, query.first + 1],
  );
  return paged(rows, query.first, (row) => encodeCursor([row.started_at.toISOString(), row.run_id]), toRunView);
}

export async function findRun(db: Queryable, runId: string): Promise<ReconciliationRunView | null> {
  const { rows } = await db.query<ReconciliationRunRow>('SELECT * FROM connector_reconciliation_runs WHERE run_id = $1', [runId]);
  return rows[0] ? toRunView(rows[0]) : null;
}

export async function lastRun(db: Queryable, applicationId: string): Promise<ReconciliationRunView | null> {
  const { rows } = await db.query<ReconciliationRunRow>(
    'SELECT * FROM connector_reconciliation_runs WHERE application_id = $1 ORDER BY started_at DESC, run_id DESC LIMIT 1',
    [applicationId],
  );
  return rows[0] ? toRunView(rows[0]) : null;
}

/** Runs a stopped service left `running`: nothing will finish them. */
export async function runningRuns(db: Queryable, applicationId: string): Promise<string[]> {
  const { rows } = await db.query<{ run_id: string }>(
    "SELECT run_id FROM connector_reconciliation_runs WHERE application_id = $1 AND status = 'running' ORDER BY started_at",
    [applicationId],
  );
  return rows.map((row) => row.run_id);
}

/** The applications the read model shows a run `running` for: candidates for the interrupted-run sweep. */
export async function applicationsWithRunningRuns(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ application_id: string }>(
    "SELECT DISTINCT application_id FROM connector_reconciliation_runs WHERE status = 'running' ORDER BY application_id",
  );
  return rows.map((row) => row.application_id);
}

/** When each scheduled application last started a run (null: never), for the scheduler. */
export async function scheduledApplications(
  db: Queryable,
): Promise<{ applicationId: string; scheduleMinutes: number; since: Date; lastStartedAt: Date | null }[]> {
  const { rows } = await db.query<{ application_id: string; schedule_minutes: number; since: Date; last_started_at: Date | null }>(
    `SELECT a.application_id, a.reconciliation_schedule_minutes AS schedule_minutes, a.registered_at AS since,
            (SELECT max(r.started_at) FROM connector_reconciliation_runs r WHERE r.application_id = a.application_id) AS last_started_at
       FROM connector_applications a
      WHERE a.reconciliation_schedule_minutes IS NOT NULL AND NOT a.paused AND a.connector_type <> 'manual'
      ORDER BY a.application_id`,
  );
  return rows.map((row) => ({
    applicationId: row.application_id,
    scheduleMinutes: row.schedule_minutes,
    since: row.since,
    lastStartedAt: row.last_started_at,
  }));
}

export interface DriftView {
  readonly driftId: string;
  readonly applicationId: string;
  readonly kind: DriftKind;
  readonly userName: string;
  readonly entitlementKey: string | null;
  readonly identityId: string | null;
  readonly employeeNumber: string | null;
  readonly identityStatus: string | null;
  readonly accountEnabled: boolean | null;
  readonly assignmentId: string | null;
  readonly reason: string;
  readonly differences: readonly { readonly attribute: string; readonly expected: string; readonly actual: string | null }[];
  readonly occurrence: number;
  readonly status: string;
  readonly firstSeenAt: Date;
  readonly firstSeenRunId: string;
  readonly lastSeenAt: Date;
  readonly lastSeenRunId: string;
  readonly goneAt: Date | null;
  /** What the application's setting decided the last time a run looked at it. */
  readonly planned: DriftRow['planned'];
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly comment: string | null;
  readonly operationId: string | null;
  readonly remediationError: string | null;
}

export interface DriftSearch {
  readonly applicationId?: string | undefined;
  readonly kind?: DriftKind | undefined;
  readonly statuses?: readonly string[] | undefined;
  readonly first: number;
  readonly after?: string | undefined;
}

/** By application, account, kind and entitlement: an account's drift reads together. */
export async function searchDrift(db: Queryable, search: DriftSearch): Promise<Paged<DriftView>> {
  const after = search.after ? decodeCursor(search.after, 4) : null;
  const { rows } = await db.query<DriftRow>(
    `SELECT * FROM connector_drift
      WHERE ($1::text IS NULL OR application_id = $1)
        AND ($2::text IS NULL OR kind = $2)
        AND ($3::text[] IS NULL OR status = ANY ($3))
        AND ($4::text IS NULL OR (application_id, user_name, kind, COALESCE(entitlement_key, '')) > ($4, $5, $6, $7))
      ORDER BY application_id, user_name, kind, COALESCE(entitlement_key, '')
      LIMIT $8`,
    [
      search.applicationId ?? null,
      search.kind ?? null,
      search.statuses && search.statuses.length > 0 ? search.statuses : null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      after?.[3] ?? null,
      search.first + 1,
    ],
  );
  return paged(
    rows,
    search.first,
    (row) => encodeCursor([row.application_id, row.user_name, row.kind, row.entitlement_key ?? '']),
    toDriftView,
  );
}

export async function findDrift(db: Queryable, driftId: string): Promise<DriftView | null> {
  const { rows } = await db.query<DriftRow>('SELECT * FROM connector_drift WHERE drift_id = $1', [driftId]);
  return rows[0] ? toDriftView(rows[0]) : null;
}

export async function openDriftCount(db: Queryable, applicationId: string): Promise<number> {
  const { rows } = await db.query<{ open: number }>(
    "SELECT count(*)::int AS open FROM connector_drift WHERE application_id = $1 AND status = 'open'",
    [applicationId],
  );
  return rows[0]?.open ?? 0;
}

/**
 * How the drifts with these ids stand, for a run deciding what is new and what to do. Remediated or
 * resolved drift found again came back (a new occurrence). A drift whose operation was requested
 * but whose decision was never recorded (a crash in between) counts as open, so the run records it.
 */
export async function knownDrift(db: Queryable, driftIds: readonly string[]): Promise<Map<string, KnownDrift>> {
  const { rows } = await db.query<{ drift_id: string; occurrence: number; status: string; gone: boolean }>(
    `SELECT drift_id, occurrence,
            CASE WHEN status = 'remediating' AND decided_by IS NULL THEN 'open' ELSE status END AS status,
            (gone_at IS NOT NULL OR status IN ('remediated', 'resolved')) AS gone
       FROM connector_drift WHERE drift_id = ANY ($1::text[])`,
    [driftIds],
  );
  return new Map(rows.map((row) => [row.drift_id, { occurrence: row.occurrence, status: row.status, gone: row.gone }]));
}

function paged<Row, View>(rows: readonly Row[], first: number, cursor: (row: Row) => string, view: (row: Row) => View): Paged<View> {
  return { items: rows.slice(0, first).map((row) => ({ cursor: cursor(row), node: view(row) })), hasNextPage: rows.length > first };
}

function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, length: number): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === length && parts.every((part) => typeof part === 'string')) return parts as string[];
  } catch {
    // reported below
  }
  throw new DomainError('validation', 'the cursor is not one this query returned: pass pageInfo.endCursor as `after`', { field: 'after' });
}

function toRunView(row: ReconciliationRunRow): ReconciliationRunView {
  return {
    runId: row.run_id,
    applicationId: row.application_id,
    trigger: row.trigger,
    startedBy: row.started_by,
    remediation: row.remediation,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    accountsSeen: row.accounts_seen,
    grantsSeen: row.grants_seen,
    driftFound: row.drift_found,
    drift: row.drift_counts as DriftCounts | null,
    newDrift: row.new_drift,
    remediationCounts: row.remediation_counts,
    listingRestarts: row.listing_restarts,
    durationMs: row.duration_ms,
    error: row.error_kind === null ? null : { kind: row.error_kind, message: row.error_message ?? '' },
  };
}

function toDriftView(row: DriftRow): DriftView {
  return {
    driftId: row.drift_id,
    applicationId: row.application_id,
    kind: row.kind as DriftKind,
    userName: row.user_name,
    entitlementKey: row.entitlement_key,
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    identityStatus: row.identity_status,
    accountEnabled: row.account_enabled,
    assignmentId: row.assignment_id,
    reason: row.reason,
    differences: row.differences,
    occurrence: row.occurrence,
    status: row.status,
    firstSeenAt: row.first_seen_at,
    firstSeenRunId: row.first_seen_run_id,
    lastSeenAt: row.last_seen_at,
    lastSeenRunId: row.last_seen_run_id,
    goneAt: row.gone_at,
    planned: row.planned,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    comment: row.comment,
    operationId: row.operation_id,
    remediationError: row.remediation_error,
  };
}
