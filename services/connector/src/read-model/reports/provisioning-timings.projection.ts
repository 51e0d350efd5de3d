import {
  ASSIGNMENTS_STREAM_PREFIX,
  IDENTITY_STREAM_PREFIX,
  OPERATION_STREAM_PREFIX,
  PERSONAL_DATA_ERASED,
  type PublishedAssignmentEvent,
  type PublishedIdentityTerminated,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { sqlArray, sqlArrays, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { completingStep, type OperationEvent, type OperationRequest, type OperationStepSucceeded } from '../../domain/operation';
import {
  erasureOf,
  storedUserName,
  userNameAfterErasure,
  userNameAfterErasureSql,
  type ErasureData,
} from '../erasure/personal-data-erasure';
import { CONNECTOR_REPORT_TABLES, CREATE_CONNECTOR_REPORT_TABLES, type ProvisioningDirection, type ReclaimedBy } from './reports.tables';

type FollowedEvent = PublishedAssignmentEvent | PublishedIdentityTerminated | OperationEvent;

const FOLLOWED_TYPES: readonly string[] = [
  'AssignmentAdded',
  'AssignmentRevoked',
  'IdentityTerminated',
  PERSONAL_DATA_ERASED,
  'OperationRequested',
  'AccountCreated',
  'AccountEnabled',
  'AccountDisabled',
  'EntitlementGranted',
  'EntitlementRevoked',
];

/**
 * Keeps the compliance reports' tables (reports.tables.ts): the time from each decision to the
 * application's acknowledgement, and the licenses leavers and reviews freed. The decision's time
 * is when it was made (the event's occurredAt), the acknowledgement's the operation's completedAt.
 * Every write is keyed, so applying an event twice changes nothing. An erased person's user names
 * become `erased-<employee number>`.
 *
 * A batch is folded in memory: the decisions, timings and seats it refers to are read once, changed
 * event by event as one event at a time would, and written with one statement per table. The
 * batch's own decisions are written first (see loadBatch), so only those stored before are read.
 */
export const provisioningTimingsProjection: Projection = {
  name: 'connector-provisioning-timings',
  filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX, IDENTITY_STREAM_PREFIX, OPERATION_STREAM_PREFIX], eventTypes: FOLLOWED_TYPES },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_REPORT_TABLES);
  },
  async reset(client) {
    await client.query(`TRUNCATE ${CONNECTOR_REPORT_TABLES.join(', ')}`);
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

interface Decision {
  readonly decidedAt: string | Date;
  readonly reason: string | null;
}

/** What the fold reads of an operation's timing: a stored one is read as no more than this. */
interface TimingState {
  readonly operation_id: string;
  readonly reason: string | null;
  acknowledged_at: string | Date | null;
}

interface Timing extends TimingState {
  readonly application_id: string;
  readonly identity_id: string;
  readonly direction: ProvisioningDirection;
  readonly decided_at: string | Date;
}

interface Seat {
  readonly application_id: string;
  user_name: string;
  identity_id: string | null;
  held: boolean;
}

interface Reclaimed {
  readonly operation_id: string;
  readonly application_id: string;
  user_name: string;
  readonly identity_id: string;
  readonly reclaimed_by: ReclaimedBy;
  readonly reclaimed_at: string;
}

/** What a batch reads once and writes once. */
interface Batch {
  readonly decisions: Map<string, Decision>;
  readonly timings: Map<string, TimingState>;
  /** The timings the batch opened (also in `timings`): inserted whole. */
  readonly newTimings: Map<string, Timing>;
  /** The stored timings the batch acknowledged: only their acknowledged_at is written. */
  readonly acknowledgedTimings: Set<string>;
  readonly seats: Map<string, Seat>;
  readonly changedSeats: Set<string>;
  readonly reclaimed: Map<string, Reclaimed>;
}

type StepData = OperationStepSucceeded['data'];

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const batch = await loadBatch(client, events);
  const erasures: ErasureData[] = [];
  for (const recorded of events) {
    const erasure = erasureOf(recorded);
    if (erasure) {
      erasures.push(erasure);
      eraseInBatch(batch, erasure);
    } else {
      foldEvent(batch, recorded);
    }
  }
  for (const erasure of erasures) await eraseStored(client, erasure);
  await saveBatch(client, batch);
}

function foldEvent(batch: Batch, recorded: RecordedEvent): void {
  const event = { type: recorded.type, data: recorded.data } as FollowedEvent;
  switch (event.type) {
    case 'AssignmentAdded':
    case 'AssignmentRevoked':
    case 'IdentityTerminated': {
      const { key, decision } = decisionMade(recorded)!;
      return recordDecision(batch, key, decision);
    }
    case 'OperationRequested':
      return recordOperation(batch, event.data);
    case 'AccountCreated':
    case 'AccountEnabled':
      holdSeat(batch, event.data, true);
      return acknowledge(batch, event.type, event.data);
    case 'AccountDisabled':
      freeSeat(batch, event.data);
      return acknowledge(batch, event.type, event.data);
    case 'EntitlementGranted':
    case 'EntitlementRevoked':
      return acknowledge(batch, event.type, event.data);
    default:
      return; // other events of these streams say nothing about the reports
  }
}

/** The decision an assignment or identity event makes, under its key; null for other events. */
function decisionMade(recorded: RecordedEvent): { key: string; decision: Decision } | null {
  const event = { type: recorded.type, data: recorded.data } as FollowedEvent;
  const decidedAt = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'AssignmentAdded':
      return { key: `assignment-added:${event.data.assignmentId}`, decision: { decidedAt, reason: null } };
    case 'AssignmentRevoked':
      return { key: `assignment-revoked:${event.data.assignmentId}`, decision: { decidedAt, reason: event.data.reason } };
    case 'IdentityTerminated':
      return { key: `termination:${recorded.metadata.eventId}`, decision: { decidedAt, reason: 'leaver' } };
    default:
      return null;
  }
}

/** The first decision of a key counts (loadBatch has stored the batch's first of each already). */
function recordDecision(batch: Batch, key: string, decision: Decision): void {
  if (!batch.decisions.has(key)) batch.decisions.set(key, decision);
}

/** The decision an operation carries out, by its cause; drift and administrators' operations are nobody's decision to time. */
function decisionOf(request: OperationRequest): { key: string; direction: ProvisioningDirection } | null {
  const { action, cause } = request;
  if (cause.kind === 'assignment' && action === 'grant') return { key: `assignment-added:${cause.reference}`, direction: 'provision' };
  if (cause.kind === 'assignment' && action === 'revoke') return { key: `assignment-revoked:${cause.reference}`, direction: 'revoke' };
  if (cause.kind === 'termination' && action === 'disable-account') return { key: `termination:${cause.reference}`, direction: 'revoke' };
  return null;
}

function recordOperation(batch: Batch, request: OperationRequest): void {
  const decision = decisionOf(request);
  if (!decision || batch.timings.has(request.operationId)) return;
  // The decision comes before the request in the log (the planner answers it), so it is known here;
  // were it not (a log trimmed before the decision), the request's own time stands in for it.
  const decided = batch.decisions.get(decision.key);
  const timing: Timing = {
    operation_id: request.operationId,
    application_id: request.applicationId,
    identity_id: request.identityId,
    direction: decision.direction,
    reason: decided?.reason ?? null,
    decided_at: decided?.decidedAt ?? request.requestedAt,
    acknowledged_at: null,
  };
  batch.timings.set(request.operationId, timing);
  batch.newTimings.set(request.operationId, timing);
}

/** The step that completes its operation is the application's acknowledgement (the first one counts). */
function acknowledge(batch: Batch, type: string, data: StepData): void {
  if (type !== completingStep(data.action)) return;
  const timing = batch.timings.get(data.operationId);
  if (!timing || timing.acknowledged_at !== null) return;
  timing.acknowledged_at = data.completedAt;
  if (!batch.newTimings.has(data.operationId)) batch.acknowledgedTimings.add(data.operationId);
}

/** Unambiguous without JSON (the length ends the application id), and cheap: it is made for every account step. */
function seatKey(applicationId: string, userName: string): string {
  return `${applicationId.length}:${applicationId}${userName}`;
}

function seatOf(data: StepData): { key: string; userName: string } {
  const userName = storedUserName(data.userName, data.employeeNumber);
  return { key: seatKey(data.applicationId, userName), userName };
}

function holdSeat(batch: Batch, data: StepData, held: boolean): void {
  const { key, userName } = seatOf(data);
  const seat = batch.seats.get(key);
  // A seat as it already is needs no write (accounts come and go on the same few seats).
  if (seat && seat.held === held && seat.identity_id === data.identityId) return;
  batch.seats.set(key, { application_id: data.applicationId, user_name: userName, identity_id: data.identityId, held });
  batch.changedSeats.add(key);
}

/**
 * An account disabled frees its license when it was held (or not seen before: made outside Tenure);
 * it counts as reclaimed when a leaver flow or a review's revocation caused it.
 */
function freeSeat(batch: Batch, data: StepData): void {
  const wasHeld = batch.seats.get(seatOf(data).key)?.held ?? true;
  holdSeat(batch, data, false);
  if (!wasHeld) return;
  const reclaimedBy = reclaimer(batch.timings.get(data.operationId)?.reason ?? null);
  if (!reclaimedBy) return;
  const userName = seatOf(data).userName;
  const key = JSON.stringify([data.operationId, data.applicationId, userName]);
  if (batch.reclaimed.has(key)) return;
  batch.reclaimed.set(key, {
    operation_id: data.operationId,
    application_id: data.applicationId,
    user_name: userName,
    identity_id: data.identityId,
    reclaimed_by: reclaimedBy,
    reclaimed_at: data.completedAt,
  });
}

function reclaimer(reason: string | null): ReclaimedBy | null {
  if (reason === 'leaver') return 'leaver';
  if (reason === 'review') return 'review';
  return null;
}

/** The batch's seats and licenses of the erased person take their erased user name (as a rebuild reads them). */
function eraseInBatch(batch: Batch, erasure: ErasureData): void {
  for (const [key, seat] of [...batch.seats]) {
    if (seat.identity_id !== erasure.identityId) continue;
    const renamed = { ...seat, user_name: userNameAfterErasure(seat.user_name, erasure.employeeNumber) };
    const renamedKey = seatKey(renamed.application_id, renamed.user_name);
    batch.seats.delete(key);
    batch.changedSeats.delete(key);
    batch.seats.set(renamedKey, renamed);
    batch.changedSeats.add(renamedKey);
  }
  for (const reclaimed of batch.reclaimed.values()) {
    if (reclaimed.identity_id === erasure.identityId)
      reclaimed.user_name = userNameAfterErasure(reclaimed.user_name, erasure.employeeNumber);
  }
}

/** The stored seats and licenses of the erased person, renamed; a seat that meets one of the same name takes its place. */
async function eraseStored(client: PoolClient, erasure: ErasureData): Promise<void> {
  const renamed = userNameAfterErasureSql('user_name', '$2');
  await client.query(
    `WITH moved AS (
       DELETE FROM connector_report_seats WHERE identity_id = $1 AND user_name <> ${renamed}
       RETURNING application_id, ${renamed} AS user_name, held)
     INSERT INTO connector_report_seats (application_id, user_name, identity_id, held)
     SELECT DISTINCT ON (application_id, user_name) application_id, user_name, $1, held FROM moved
     ON CONFLICT (application_id, user_name) DO UPDATE SET held = EXCLUDED.held, identity_id = EXCLUDED.identity_id`,
    [erasure.identityId, erasure.employeeNumber],
  );
  await client.query(`UPDATE connector_licenses_reclaimed SET user_name = ${renamed} WHERE identity_id = $1`, [
    erasure.identityId,
    erasure.employeeNumber,
  ]);
}

/** What the batch's events refer to, collected in one pass. */
interface References {
  /** The batch's first decision of each key, in log order. */
  readonly decisions: Map<string, Decision>;
  /** The decisions the batch's requests carry out. */
  readonly requestedDecisions: Set<string>;
  readonly operationIds: Set<string>;
  readonly seatApplications: string[];
  readonly seatUserNames: string[];
}

function referencesOf(events: readonly RecordedEvent[]): References {
  const references: References = {
    decisions: new Map(),
    requestedDecisions: new Set(),
    operationIds: new Set(),
    seatApplications: [],
    seatUserNames: [],
  };
  for (const recorded of events) {
    const event = { type: recorded.type, data: recorded.data } as FollowedEvent;
    const made = decisionMade(recorded);
    if (made) {
      if (!references.decisions.has(made.key)) references.decisions.set(made.key, made.decision);
    } else if (event.type === 'OperationRequested') {
      const decision = decisionOf(event.data);
      if (decision) references.requestedDecisions.add(decision.key);
      references.operationIds.add(event.data.operationId);
    } else if (event.type === 'AccountCreated' || event.type === 'AccountEnabled' || event.type === 'AccountDisabled') {
      references.seatApplications.push(event.data.applicationId);
      references.seatUserNames.push(seatOf(event.data).userName);
      references.operationIds.add(event.data.operationId);
    } else if (event.type === 'EntitlementGranted' || event.type === 'EntitlementRevoked') {
      references.operationIds.add(event.data.operationId);
    }
  }
  return references;
}

/**
 * Reads what the batch refers to. The batch's decisions are inserted here, before the fold: the
 * first of each key is what the fold would write, and a key already stored keeps its row either
 * way (ON CONFLICT DO NOTHING). The keys the insert did not take are the stored ones, read with the
 * requests' decisions the batch does not make - a read of only the few decisions made before.
 */
async function loadBatch(client: PoolClient, events: readonly RecordedEvent[]): Promise<Batch> {
  const references = referencesOf(events);
  const inserted = await insertDecisions(client, references.decisions);
  const storedKeys = new Set<string>();
  for (const key of references.decisions.keys()) if (!inserted.has(key)) storedKeys.add(key);
  for (const key of references.requestedDecisions) if (!references.decisions.has(key)) storedKeys.add(key);
  // One client runs one query at a time.
  const decisions =
    storedKeys.size === 0
      ? []
      : (
          await client.query<{ decision_key: string; decided_at: Date; reason: string | null }>(
            'SELECT decision_key, decided_at, reason FROM connector_report_decisions WHERE decision_key = ANY ($1::text[])',
            [sqlArray([...storedKeys])],
          )
        ).rows;
  // acknowledged_at only matters as null or not (a stored one is never written back): as text it is not parsed.
  const timings = await client.query<TimingState>(
    'SELECT operation_id, reason, acknowledged_at::text AS acknowledged_at FROM connector_provisioning_timings WHERE operation_id = ANY ($1::text[])',
    [sqlArray([...references.operationIds])],
  );
  const seats = await client.query<Seat>(
    `SELECT application_id, user_name, identity_id, held FROM connector_report_seats
      WHERE (application_id, user_name) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    sqlArrays([references.seatApplications, references.seatUserNames]),
  );
  return {
    decisions: new Map(decisions.map((row) => [row.decision_key, { decidedAt: row.decided_at, reason: row.reason }])),
    timings: new Map(timings.rows.map((row) => [row.operation_id, row])),
    newTimings: new Map(),
    acknowledgedTimings: new Set(),
    seats: new Map(seats.rows.map((row) => [seatKey(row.application_id, row.user_name), row])),
    changedSeats: new Set(),
    reclaimed: new Map(),
  };
}

/** Inserts the decisions whose key is not stored yet; returns the keys inserted. */
async function insertDecisions(client: PoolClient, decisions: ReadonlyMap<string, Decision>): Promise<Set<string>> {
  if (decisions.size === 0) return new Set();
  const rows = [...decisions];
  const { rows: inserted } = await client.query<{ decision_key: string }>(
    `INSERT INTO connector_report_decisions (decision_key, decided_at, reason)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[]) ON CONFLICT (decision_key) DO NOTHING RETURNING decision_key`,
    sqlArrays([rows.map(([key]) => key), rows.map(([, d]) => d.decidedAt), rows.map(([, d]) => d.reason)]),
  );
  return new Set(inserted.map((row) => row.decision_key));
}

async function saveBatch(client: PoolClient, batch: Batch): Promise<void> {
  const created = [...batch.newTimings.values()];
  const acknowledged = [...batch.acknowledgedTimings].map((operationId) => batch.timings.get(operationId)!);
  if (created.length > 0) {
    await client.query(
      `INSERT INTO connector_provisioning_timings (operation_id, application_id, identity_id, direction, reason, decided_at, acknowledged_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])`,
      sqlArrays([
        created.map((t) => t.operation_id),
        created.map((t) => t.application_id),
        created.map((t) => t.identity_id),
        created.map((t) => t.direction),
        created.map((t) => t.reason),
        created.map((t) => t.decided_at),
        created.map((t) => t.acknowledged_at),
      ]),
    );
  }
  if (acknowledged.length > 0) {
    await client.query(
      `UPDATE connector_provisioning_timings t SET acknowledged_at = a.acknowledged_at
         FROM unnest($1::text[], $2::timestamptz[]) AS a(operation_id, acknowledged_at) WHERE t.operation_id = a.operation_id`,
      sqlArrays([acknowledged.map((t) => t.operation_id), acknowledged.map((t) => t.acknowledged_at)]),
    );
  }
  const seats = [...batch.changedSeats].map((key) => batch.seats.get(key)!);
  if (seats.length > 0) {
    await client.query(
      `INSERT INTO connector_report_seats (application_id, user_name, identity_id, held)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])
       ON CONFLICT (application_id, user_name) DO UPDATE SET held = EXCLUDED.held, identity_id = EXCLUDED.identity_id`,
      sqlArrays([
        seats.map((s) => s.application_id),
        seats.map((s) => s.user_name),
        seats.map((s) => s.identity_id),
        seats.map((s) => s.held),
      ]),
    );
  }
  const reclaimed = [...batch.reclaimed.values()];
  if (reclaimed.length > 0) {
    await client.query(
      `INSERT INTO connector_licenses_reclaimed (operation_id, application_id, user_name, identity_id, reclaimed_by, reclaimed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) ON CONFLICT DO NOTHING`,
      sqlArrays([
        reclaimed.map((r) => r.operation_id),
        reclaimed.map((r) => r.application_id),
        reclaimed.map((r) => r.user_name),
        reclaimed.map((r) => r.identity_id),
        reclaimed.map((r) => r.reclaimed_by),
        reclaimed.map((r) => r.reclaimed_at),
      ]),
    );
  }
}
