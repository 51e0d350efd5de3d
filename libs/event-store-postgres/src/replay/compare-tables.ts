import type { PoolClient } from 'pg';
import { quote } from './scratch-schema';

export interface TableDifference {
  readonly table: string;
  /** Rows the live table has that the rebuilt one does not (counting duplicates). */
  readonly onlyLive: number;
  /** Rows the rebuilt table has that the live one does not. */
  readonly onlyRebuilt: number;
  /** A few of each, as JSON, for the report. */
  readonly samples: { readonly onlyLive: readonly unknown[]; readonly onlyRebuilt: readonly unknown[] };
  /** Columns of the rebuilt table the live one lacks (the live table predates a schema change). */
  readonly missingColumns: readonly string[];
}

/**
 * Compares a rebuilt table with the live one, row by row over the rebuilt table's columns. Columns
 * filled from a sequence are left out: they number rows in the order they were written, which a
 * rebuild need not repeat (a reset keeps the sequence going), and nothing reads them as data.
 */
export async function compareTable(
  client: PoolClient,
  scratchSchema: string,
  liveSchema: string,
  table: string,
  sampleSize = 5,
): Promise<TableDifference> {
  const { rows: columns } = await client.query<{ column_name: string; generated: boolean; in_live: boolean }>(
    `SELECT s.column_name, coalesce(s.column_default LIKE 'nextval(%', false) AS generated, l.column_name IS NOT NULL AS in_live
       FROM information_schema.columns s
       LEFT JOIN information_schema.columns l ON l.table_schema = $3 AND l.table_name = s.table_name AND l.column_name = s.column_name
      WHERE s.table_schema = $1 AND s.table_name = $2 ORDER BY s.ordinal_position`,
    [scratchSchema, table, liveSchema],
  );
  const missingColumns = columns.filter((c) => !c.in_live).map((c) => c.column_name);
  const compared = columns.filter((c) => !c.generated && c.in_live).map((c) => quote(c.column_name));
  const row = (schema: string) => `SELECT to_jsonb(r) AS row FROM (SELECT ${compared.join(', ')} FROM ${quote(schema)}.${quote(table)}) r`;
  const onlyIn = async (a: string, b: string) => {
    const { rows } = await client.query<{ total: string; samples: unknown[] | null }>(
      `WITH diff AS (${row(a)} EXCEPT ALL ${row(b)})
       SELECT count(*)::text AS total, (SELECT jsonb_agg(d.row) FROM (SELECT row FROM diff ORDER BY row::text LIMIT ${sampleSize}) d) AS samples FROM diff`,
    );
    return { total: Number(rows[0]!.total), samples: rows[0]!.samples ?? [] };
  };
  const live = await onlyIn(liveSchema, scratchSchema);
  const rebuilt = await onlyIn(scratchSchema, liveSchema);
  return {
    table,
    onlyLive: live.total,
    onlyRebuilt: rebuilt.total,
    samples: { onlyLive: live.samples, onlyRebuilt: rebuilt.samples },
    missingColumns,
  };
}

/**
 * The rebuilt projections' pending timers against the live ones of the same kinds, on what decides
 * when and how they fire (not on attempts or when they were scheduled).
 */
export async function compareTimers(
  client: PoolClient,
  scratchSchema: string,
  liveSchema: string,
  sampleSize = 5,
): Promise<TableDifference> {
  const rebuilt = `${quote(scratchSchema)}.tenure_timers`;
  const row = (table: string) =>
    `SELECT jsonb_build_object('timer_id', timer_id, 'kind', kind, 'due_at', due_at, 'payload', payload) AS row FROM ${table}
      WHERE kind IN (SELECT kind FROM ${rebuilt})`;
  const onlyIn = async (a: string, b: string) => {
    const { rows } = await client.query<{ total: string; samples: unknown[] | null }>(
      `WITH diff AS (${row(a)} EXCEPT ALL ${row(b)})
       SELECT count(*)::text AS total, (SELECT jsonb_agg(d.row) FROM (SELECT row FROM diff ORDER BY row::text LIMIT ${sampleSize}) d) AS samples FROM diff`,
    );
    return { total: Number(rows[0]!.total), samples: rows[0]!.samples ?? [] };
  };
  const live = await onlyIn(`${quote(liveSchema)}.tenure_timers`, rebuilt);
  const fromLog = await onlyIn(rebuilt, `${quote(liveSchema)}.tenure_timers`);
  return {
    table: 'tenure_timers',
    onlyLive: live.total,
    onlyRebuilt: fromLog.total,
    samples: { onlyLive: live.samples, onlyRebuilt: fromLog.samples },
    missingColumns: [],
  };
}
