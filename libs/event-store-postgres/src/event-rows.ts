import type { EventFilter, EventMetadata, Position, RecordedEvent } from '@tenure/event-sourcing';

/** The columns every read selects, with positions as text so no precision is lost. */
export const EVENT_COLUMNS = `e.stream_id, e.revision::text AS revision, e.transaction_id::text AS commit_position,
  e.global_position::text AS prepare_position, e.type, e.data, e.metadata, e.recorded_at`;

export interface EventRow {
  stream_id: string;
  revision: string;
  commit_position: string;
  prepare_position: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
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

/**
 * SQL for "events strictly after a position, below the visibility horizon, matching the filter".
 * Parameters $1/$2 are the position; the filter adds its own from `firstParam`.
 */
export function globalLogCondition(filter: EventFilter | undefined, firstParam: number): { sql: string; params: unknown[] } {
  // The first clause is implied by the second; it is there for the planner, whose estimate for a
  // row comparison is poor: with it, a caught-up reader walks the primary key from its position
  // instead of scanning the table (guarded by query-plans.int.spec.ts).
  const clauses = ['e.transaction_id >= $1::text::xid8', '(e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)'];
  const params: unknown[] = [];
  if (filter?.streamPrefixes?.length) {
    params.push(filter.streamPrefixes.map(escapeLike).map((prefix) => `${prefix}%`));
    clauses.push(`e.stream_id LIKE ANY ($${firstParam + params.length - 1}::text[])`);
  }
  if (filter?.eventTypes?.length) {
    params.push([...filter.eventTypes]);
    clauses.push(`e.type = ANY ($${firstParam + params.length - 1}::text[])`);
  }
  return { sql: clauses.join(' AND '), params };
}

export function positionParams(position: Position): [string, string] {
  return [position.commit.toString(), position.prepare.toString()];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
