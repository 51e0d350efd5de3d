import type { PoolClient } from 'pg';
import { sqlArray, type SqlValue } from './sql-arrays';

/** A read-model row keyed by column name, as a batch folds it in memory. */
export type JsonRow = Record<string, unknown>;

/** A table's columns and their SQL types, in column order: what the statements below cast to. */
export type ColumnTypes = Readonly<Record<string, 'text' | 'int' | 'bigint' | 'boolean' | 'timestamptz' | 'jsonb'>>;

/**
 * Reads `columns` of the rows of `table` whose `where` holds, keyed by `keyOf`. Timestamps are read
 * as PostgreSQL's own text (full precision), so the values written back are exactly what was read.
 * Reading only the columns a batch can change (and tests) keeps the read and its parsing small.
 */
export async function loadColumns(
  client: PoolClient,
  table: string,
  columns: ColumnTypes,
  where: string,
  params: readonly unknown[],
  keyOf: (row: JsonRow) => string,
): Promise<Map<string, JsonRow>> {
  const select = Object.entries(columns).map(([name, type]) => (type === 'timestamptz' ? `t.${name}::text AS ${name}` : `t.${name}`));
  const { rows } = await client.query<JsonRow>(`SELECT ${select.join(', ')} FROM ${table} t WHERE ${where}`, [...params]);
  const byKey = new Map<string, JsonRow>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return byKey;
}

/** A table as a batch writes it: every column (for a new row), the key, and the columns a stored row can have changed. */
export interface TableShape {
  readonly table: string;
  readonly columns: ColumnTypes;
  readonly key: ColumnTypes;
  readonly mutable: ColumnTypes;
}

/**
 * Writes a batch's rows in one statement, one array per column (no JSON document to build and take
 * apart): `added` rows, known not to be stored (the batch read their keys and found none), are
 * inserted whole with no conflict check; `updated` ones, stored, get only their changeable columns
 * set. The two parts touch different rows, so one statement (one round trip) does both.
 */
export async function writeRows(
  client: PoolClient,
  shape: TableShape,
  added: readonly JsonRow[],
  updated: readonly JsonRow[],
): Promise<void> {
  const params: unknown[] = [];
  const insert = added.length > 0 ? insertStatement(shape, added, params) : null;
  const update = updated.length > 0 ? updateStatement(shape, updated, params) : null;
  if (insert && update) await client.query(`WITH inserted AS (${insert}) ${update}`, params);
  else if (insert ?? update) await client.query((insert ?? update)!, params);
}

function insertStatement({ table, columns }: TableShape, rows: readonly JsonRow[], params: unknown[]): string {
  const names = Object.keys(columns);
  return `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${arrays(columns, rows, params).join(', ')})`;
}

function updateStatement({ table, key, mutable }: TableShape, rows: readonly JsonRow[], params: unknown[]): string {
  const all: ColumnTypes = { ...key, ...mutable };
  const set = Object.keys(mutable).map((name) => `${name} = u.${name}`);
  const match = Object.keys(key).map((name) => `t.${name} = u.${name}`);
  return `UPDATE ${table} t SET ${set.join(', ')}
            FROM unnest(${arrays(all, rows, params).join(', ')}) AS u(${Object.keys(all).join(', ')})
           WHERE ${match.join(' AND ')}`;
}

/** Appends one array parameter per column to `params`; returns their typed placeholders. */
function arrays(columns: ColumnTypes, rows: readonly JsonRow[], params: unknown[]): string[] {
  return Object.entries(columns).map(([name, type]) => {
    params.push(columnValues(rows, name, type));
    return `$${params.length}::${type}[]`;
  });
}

/** One column of `rows` as a PostgreSQL array literal; JSON values go as their text (an array value would be read as a sub-array). */
function columnValues(rows: readonly JsonRow[], name: string, type: string): string {
  const values = new Array<SqlValue>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const value = rows[index]![name] ?? null;
    values[index] = type === 'jsonb' && value !== null ? JSON.stringify(value) : (value as SqlValue);
  }
  return sqlArray(values);
}
