import { DomainError, type Actor, type EventMetadata, type RecordedEvent } from '@tenure/event-sourcing';
import type { PersonalDataVault } from '@tenure/personal-data';
import { IDENTITY_STREAM_PREFIX } from '../../application/identity-streams';
import type { Queryable } from '../identity-directory.queries';
import { timelineEntryOf } from '../identity-timeline-entry';
import { checkedPageSize, decodeCursor, encodeCursor, invalidCursor } from '../page-request';
import {
  actorKindOf,
  contextOfStream,
  policyVersionOf,
  reasonOf,
  summaryOf,
  type AuditActorKind,
  type AuditContext,
} from './audit-trail-entry';

/** How far back a cause chain is followed: enough for HR change → review → revocation → provisioning, and bounded. */
export const MAX_CAUSE_HOPS = 10;

/** Whose trail: an identity (by id or employee number), an application, an entitlement, or an identity within one of those. */
export interface AuditTrailSubject {
  readonly identityId: string | null;
  readonly employeeNumber: string | null;
  readonly applicationId: string | null;
  readonly entitlementKey: string | null;
}

export interface AuditTrailRequest {
  readonly subject: AuditTrailSubject;
  /** Inclusive lower bound on occurredAt; null: from the beginning. */
  readonly from: Date | null;
  /** Exclusive upper bound on occurredAt; null: up to now. */
  readonly to: Date | null;
  readonly first: number;
  readonly after: string | null;
}

export interface AuditActorView {
  readonly kind: AuditActorKind;
  readonly id: string;
  /** The person's name from the directory, when the actor is a person it knows. */
  readonly name: string | null;
}

export interface AuditCause {
  readonly eventId: string;
  readonly type: string;
  readonly context: AuditContext;
  readonly occurredAt: Date;
  readonly summary: string;
  readonly actor: AuditActorView;
}

export interface AuditTrailEntry {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly context: AuditContext;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly summary: string;
  readonly actor: AuditActorView;
  readonly reason: string | null;
  readonly policyVersion: number | null;
  readonly correlationId: string;
  /** The direct cause first, then its cause, and so on. */
  readonly causedBy: readonly AuditCause[];
  /** A causation id the chain reached that names no event in the log (e.g. an HR import run or SCIM request id). */
  readonly unresolvedCauseId: string | null;
  /** The chain goes on beyond MAX_CAUSE_HOPS. */
  readonly causeChainTruncated: boolean;
}

export interface AuditTrailPage {
  readonly edges: readonly { readonly cursor: string; readonly entry: AuditTrailEntry }[];
  readonly hasNextPage: boolean;
}

interface EventRowFields {
  stream_id: string;
  revision: string;
  commit_position: string;
  prepare_position: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

interface CauseRow extends Partial<EventRowFields> {
  start_id: string;
  depth: number;
  cause_id: string;
}

const EVENT_FIELDS = `e.stream_id, e.revision::text AS revision, e.transaction_id::text AS commit_position,
  e.global_position::text AS prepare_position, e.type, e.data, e.metadata, e.recorded_at`;

/**
 * Reads audit trails: the page's events from the audit-trail index joined with the log, newest
 * first; then every entry's cause chain in one recursive query; then the actors' names in one more.
 */
export class AuditTrailQueries {
  constructor(
    private readonly db: Queryable,
    /** Opens personal fields sealed in identity events (erased people stay erased). */
    private readonly personalData: Pick<PersonalDataVault, 'reveal'>,
  ) {}

  async trail(request: AuditTrailRequest): Promise<AuditTrailPage> {
    const first = checkedPageSize(request.first);
    const subject = await this.resolvedSubject(request.subject);
    const after = request.after === null ? null : positionAfter(request.after);
    checkedWindow(request.from, request.to);
    const { rows } = await this.db.query<EventRowFields>(
      `SELECT ${EVENT_FIELDS}
         FROM (SELECT DISTINCT i.commit_position, i.prepare_position
                 FROM audit_trail_index i
                WHERE ($1::text IS NULL OR i.identity_id = $1)
                  AND ($2::text IS NULL OR i.application_id = $2)
                  AND ($3::text IS NULL OR i.entitlement_key = $3)
                  AND ($4::timestamptz IS NULL OR i.occurred_at >= $4)
                  AND ($5::timestamptz IS NULL OR i.occurred_at < $5)
                  AND ($6::bigint IS NULL OR (i.commit_position, i.prepare_position) < ($6::bigint, $7::bigint))
                ORDER BY i.commit_position DESC, i.prepare_position DESC
                LIMIT $8) page
         JOIN tenure_events e ON e.transaction_id = page.commit_position::text::xid8 AND e.global_position = page.prepare_position
        ORDER BY page.commit_position DESC, page.prepare_position DESC`,
      [
        subject.identityId,
        subject.applicationId,
        subject.entitlementKey,
        request.from,
        request.to,
        after?.commit ?? null,
        after?.prepare ?? null,
        first + 1,
      ],
    );
    const events = await this.personalData.reveal(rows.slice(0, first).map(recordedEventOf));
    const causes = await this.causesOf(events);
    const names = await this.personNames(
      [...events, ...[...causes.values()].flatMap((chain) => chain.events)].map((e) => e.metadata.actor),
    );
    return {
      edges: events.map((event) => ({
        cursor: encodeCursor([event.position.commit.toString(), event.position.prepare.toString()]),
        entry: entryOf(event, causes.get(event.metadata.eventId) ?? EMPTY_CHAIN, names),
      })),
      hasNextPage: rows.length > first,
    };
  }

  /** Exactly one of identity id / employee number, or an application; an entitlement key only with its application. */
  private async resolvedSubject(
    subject: AuditTrailSubject,
  ): Promise<{ identityId: string | null; applicationId: string | null; entitlementKey: string | null }> {
    if (subject.identityId !== null && subject.employeeNumber !== null) {
      throw new DomainError('validation', 'give identityId or employeeNumber, not both', { field: 'employeeNumber' });
    }
    if (subject.entitlementKey !== null && subject.applicationId === null) {
      throw new DomainError('validation', `entitlementKey "${subject.entitlementKey}" needs its applicationId`, { field: 'applicationId' });
    }
    if (subject.identityId === null && subject.employeeNumber === null && subject.applicationId === null) {
      throw new DomainError(
        'validation',
        'say whose trail: identityId, employeeNumber or applicationId (with entitlementKey for one entitlement)',
        {
          field: 'identityId',
        },
      );
    }
    let identityId = subject.identityId;
    if (subject.employeeNumber !== null) {
      const { rows } = await this.db.query<{ identity_id: string }>(
        'SELECT identity_id FROM identity_directory WHERE employee_number = $1',
        [subject.employeeNumber],
      );
      if (!rows[0])
        throw new DomainError('not_found', `no identity has employee number "${subject.employeeNumber}"`, { field: 'employeeNumber' });
      identityId = rows[0].identity_id;
    }
    return { identityId, applicationId: subject.applicationId, entitlementKey: subject.entitlementKey };
  }

  /** Every entry's chain of causes, followed through metadata.causationId in one recursive query. */
  private async causesOf(events: readonly RecordedEvent[]): Promise<Map<string, CauseChain>> {
    const starts = events.filter((event) => event.metadata.causationId);
    const chains = new Map<string, CauseChain>();
    if (starts.length === 0) return chains;
    const { rows } = await this.db.query<CauseRow>(
      `WITH RECURSIVE chain (start_id, depth, cause_id) AS (
         SELECT s.start_id, 1, s.cause_id FROM unnest($1::text[], $2::text[]) AS s (start_id, cause_id)
         UNION ALL
         SELECT c.start_id, c.depth + 1, e.metadata->>'causationId'
           FROM chain c JOIN tenure_events e ON e.event_id = c.cause_id
          WHERE c.depth < $3 AND e.metadata->>'causationId' IS NOT NULL
       )
       SELECT c.start_id, c.depth, c.cause_id, ${EVENT_FIELDS}
         FROM chain c LEFT JOIN tenure_events e ON e.event_id = c.cause_id
        ORDER BY c.start_id, c.depth`,
      [starts.map((event) => event.metadata.eventId), starts.map((event) => event.metadata.causationId), MAX_CAUSE_HOPS],
    );
    const found = rows
      .filter((row) => row.type !== undefined && row.type !== null)
      .map((row) => ({ row, event: recordedEventOf(row as EventRowFields) }));
    const revealed = await this.personalData.reveal(found.map(({ event }) => event));
    const byRow = new Map(found.map(({ row }, i) => [row, revealed[i]!]));
    for (const row of rows) {
      const chain = chains.get(row.start_id) ?? { events: [], unresolvedCauseId: null, truncated: false };
      const event = byRow.get(row);
      if (event) {
        chain.events.push(event);
        if (row.depth === MAX_CAUSE_HOPS && event.metadata.causationId) chain.truncated = true;
      } else {
        chain.unresolvedCauseId = row.cause_id;
      }
      chains.set(row.start_id, chain);
    }
    return chains;
  }

  private async personNames(actors: readonly Actor[]): Promise<Map<string, string>> {
    const employeeNumbers = [...new Set(actors.filter((actor) => actorKindOf(actor) === 'person').map((actor) => actor.id))];
    if (employeeNumbers.length === 0) return new Map();
    const { rows } = await this.db.query<{ employee_number: string; given_name: string; family_name: string }>(
      'SELECT employee_number, given_name, family_name FROM identity_directory WHERE employee_number = ANY ($1::text[])',
      [employeeNumbers],
    );
    return new Map(rows.map((row) => [row.employee_number, `${row.given_name} ${row.family_name}`.trim()]));
  }
}

interface CauseChain {
  events: RecordedEvent[];
  unresolvedCauseId: string | null;
  truncated: boolean;
}

const EMPTY_CHAIN: CauseChain = { events: [], unresolvedCauseId: null, truncated: false };

function entryOf(event: RecordedEvent, chain: CauseChain, names: ReadonlyMap<string, string>): AuditTrailEntry {
  return {
    eventId: event.metadata.eventId,
    streamId: event.streamId,
    type: event.type,
    context: contextOfStream(event.streamId),
    occurredAt: occurredAtOf(event),
    recordedAt: event.recordedAt,
    summary: oneLine(event),
    actor: actorView(event.metadata.actor, names),
    reason: reasonOf(event),
    policyVersion: policyVersionOf(event),
    correlationId: event.metadata.correlationId,
    causedBy: chain.events.map((cause) => ({
      eventId: cause.metadata.eventId,
      type: cause.type,
      context: contextOfStream(cause.streamId),
      occurredAt: occurredAtOf(cause),
      summary: oneLine(cause),
      actor: actorView(cause.metadata.actor, names),
    })),
    unresolvedCauseId: chain.unresolvedCauseId,
    causeChainTruncated: chain.truncated,
  };
}

/** Identity events read as in the identity's own timeline; the other contexts' as audit-trail-entry words them. */
function oneLine(event: RecordedEvent): string {
  if (event.streamId.startsWith(IDENTITY_STREAM_PREFIX)) {
    try {
      return timelineEntryOf(event).summary;
    } catch {
      // An identity event older or newer than the timeline's shapes: worded generically rather than lost.
    }
  }
  return summaryOf(event);
}

function actorView(actor: Actor, names: ReadonlyMap<string, string>): AuditActorView {
  const kind = actorKindOf(actor);
  return { kind, id: actor.id, name: kind === 'person' ? (names.get(actor.id) ?? null) : null };
}

function occurredAtOf(event: RecordedEvent): Date {
  const occurred = new Date(event.metadata.occurredAt);
  return Number.isNaN(occurred.getTime()) ? event.recordedAt : occurred;
}

function recordedEventOf(row: EventRowFields): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

function positionAfter(cursor: string): { commit: string; prepare: string } {
  const [commit = '', prepare = ''] = decodeCursor(cursor, 2);
  if (!/^\d+$/.test(commit) || !/^\d+$/.test(prepare)) throw invalidCursor(cursor);
  return { commit, prepare };
}

function checkedWindow(from: Date | null, to: Date | null): void {
  if (from !== null && to !== null && from.getTime() >= to.getTime()) {
    throw new DomainError('validation', `from (${from.toISOString()}) must be before to (${to.toISOString()})`, { field: 'from' });
  }
}
