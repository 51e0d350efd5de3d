import type { JsonRow } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';

/** A read-model row as PostgreSQL's to_jsonb gives it: written back unchanged by jsonb_populate_recordset. */
export type { JsonRow };

/**
 * Loads the rows of `table` whose `where` holds, keyed by `keyOf`, as JSON: timestamps stay
 * PostgreSQL's own text (full precision), so rows written back are exactly what was read.
 */
export async function loadRows(
  client: PoolClient,
  table: string,
  where: string,
  params: readonly unknown[],
  keyOf: (row: JsonRow) => string,
): Promise<Map<string, JsonRow>> {
  const { rows } = await client.query<{ row: JsonRow }>(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${where}`, [...params]);
  return new Map(rows.map(({ row }) => [keyOf(row), row]));
}

/**
 * Writes whole rows (every column of `table`) in one statement: inserted, or replacing the stored
 * row with the same `key`. A row must carry every column, defaults included.
 */
export async function upsertRows(
  client: PoolClient,
  table: string,
  key: readonly string[],
  columns: readonly string[],
  rows: readonly JsonRow[],
) {
  if (rows.length === 0) return;
  const updates = columns.filter((column) => !key.includes(column)).map((column) => `${column} = EXCLUDED.${column}`);
  await client.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (${key.join(', ')}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    [JSON.stringify(rows)],
  );
}
