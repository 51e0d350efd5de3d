import type { EventFilter, RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';

export interface ReadModelTables {
  readonly tables: readonly string[];
  readonly timerKinds: readonly string[];
}

export interface ReadModelSnapshot {
  readonly tables: Record<string, Record<string, unknown>[]>;
  /** Everything a timer worker reads (not when it was written). */
  readonly timers: Record<string, unknown>[];
}

/** Every row of a projection's tables and of its timer kinds, in a stable order: for comparing two builds. */
export async function snapshotReadModel(client: PoolClient, model: ReadModelTables): Promise<ReadModelSnapshot> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const table of model.tables) {
    const { rows } = await client.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`,
    );
    tables[table] = rows.map(({ row }) => row);
  }
  const { rows: timers } = await client.query<Record<string, unknown>>(
    `SELECT timer_id, kind, due_at, payload, attempts, last_error FROM tenure_timers WHERE kind = ANY ($1::text[]) ORDER BY timer_id`,
    [model.timerKinds],
  );
  return { tables, timers };
}

/** The runner's filter, for feeding a projection the events it would read. */
export function matchesFilter(filter: EventFilter | undefined, event: RecordedEvent): boolean {
  if (!filter) return true;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}
