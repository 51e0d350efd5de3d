import { DomainError } from '@tenure/event-sourcing';
import type { Pool, PoolClient } from 'pg';

/** A pool or a client inside a transaction. */
type Queryable = Pick<Pool | PoolClient, 'query'>;
import { isReader, type Caller } from './caller';

/**
 * Where a service keeps its own copy of who reports to whom (each bounded context folds the identity
 * service's published events into its own table). `table` and `managerOf` are SQL written in the
 * service's code, never input: the table's name, and the expression (over the row, aliased `d`) of its manager's employee number.
 */
export interface ReportingLineTable {
  readonly table: string;
  readonly managerOf: string;
}

const MAX_CHAIN = 50;

/**
 * Whether the caller may read what a service holds about a person: the person, every manager above
 * them (walked in SQL; a cycle in HR data stops the walk), administrators and auditors.
 */
export async function oversees(db: Queryable, directory: ReportingLineTable, caller: Caller, identityId: string): Promise<boolean> {
  if (isReader(caller)) return true;
  if (caller.kind !== 'person') return false;
  const { rows } = await db.query<{ found: boolean }>(
    `WITH RECURSIVE walk(employee_number, manager, depth, path) AS (
       SELECT d.employee_number, ${directory.managerOf}, 0, ARRAY[d.employee_number]
         FROM ${directory.table} d WHERE d.identity_id = $1
       UNION ALL
       SELECT d.employee_number, ${directory.managerOf}, w.depth + 1, w.path || d.employee_number
         FROM walk w JOIN ${directory.table} d ON d.employee_number = w.manager
        WHERE NOT (d.employee_number = ANY (w.path)) AND w.depth < ${MAX_CHAIN}
     )
     SELECT EXISTS (SELECT 1 FROM walk WHERE employee_number = $2 OR manager = $2) AS found`,
    [identityId, caller.employeeNumber],
  );
  return rows[0]?.found ?? false;
}

/** Refuses (`forbidden`) unless the caller oversees the person; `what` names what was asked, e.g. "accounts". */
export async function requireOversight(
  db: Queryable,
  directory: ReportingLineTable,
  caller: Caller,
  identityId: string,
  what: string,
): Promise<void> {
  if (!(await oversees(db, directory, caller, identityId))) {
    throw new DomainError('forbidden', `the ${what} of ${identityId} are for the person, their managers, administrators and auditors`, {
      identityId,
    });
  }
}
