import type { PolicySubject } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import { managerChainsOf } from './manager-chains';
import type { PolicyIdentityRow } from './policy-identities.table';

const COLUMNS = `employee_number, identity_id, status, department, title, location, cost_center, employment_type,
  manager_employee_number, custom`;

/** Longer chains than this are HR data errors; the walk stops there rather than loop. */
const MAX_CHAIN = 200;

export type SubjectKey = { readonly identityId: string } | { readonly employeeNumber: string };

export async function findSubject(db: Queryable, key: SubjectKey): Promise<PolicySubject | null> {
  const { rows } = await db.query<PolicyIdentityRow>(
    'identityId' in key
      ? `SELECT ${COLUMNS} FROM policy_identities WHERE identity_id = $1 ORDER BY updated_at DESC LIMIT 1`
      : `SELECT ${COLUMNS} FROM policy_identities WHERE employee_number = $1`,
    ['identityId' in key ? key.identityId : key.employeeNumber],
  );
  return (await withChains(db, rows))[0] ?? null;
}

/** These identities (unknown ids are left out), with their manager chains. */
export async function findSubjects(db: Queryable, identityIds: readonly string[]): Promise<PolicySubject[]> {
  const { rows } = await db.query<PolicyIdentityRow>(`SELECT ${COLUMNS} FROM policy_identities WHERE identity_id = ANY ($1::text[])`, [
    identityIds,
  ]);
  return withChains(db, rows);
}

/** Everyone policy knows (terminated too, unless left out), chains computed in memory: one read for a whole pass. */
export async function loadAllSubjects(db: Queryable, options: { readonly includeTerminated: boolean }): Promise<PolicySubject[]> {
  const { rows } = await db.query<PolicyIdentityRow>(`SELECT ${COLUMNS} FROM policy_identities ORDER BY employee_number`);
  const chainOf = managerChainsOf(new Map(rows.map((row) => [row.employee_number, row.manager_employee_number])));
  return rows
    .filter((row) => options.includeTerminated || row.status !== 'terminated')
    .map((row) => toSubject(row, chainOf(row.employee_number)));
}

/** Who shares the subject's department, manager or title (not the subject, nobody terminated). */
export async function findPeers(
  db: Queryable,
  subject: PolicySubject,
  group: 'department' | 'manager' | 'title',
): Promise<PolicySubject[]> {
  const column = { department: 'department', manager: 'manager_employee_number', title: 'title' }[group];
  const value = { department: subject.department, manager: subject.managerEmployeeNumber, title: subject.title }[group];
  if (value === null) return [];
  const { rows } = await db.query<PolicyIdentityRow>(
    `SELECT ${COLUMNS} FROM policy_identities WHERE ${column} = $1 AND employee_number <> $2 AND status <> 'terminated'`,
    [value, subject.employeeNumber],
  );
  return withChains(db, rows);
}

/** Identity ids of everyone reporting, directly or not, to these employee numbers (them excluded). */
export async function findReports(db: Queryable, employeeNumbers: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ identity_id: string }>(
    `WITH RECURSIVE below(employee_number, identity_id, depth) AS (
       SELECT p.employee_number, p.identity_id, 1 FROM policy_identities p WHERE p.manager_employee_number = ANY ($1::text[])
       UNION
       SELECT p.employee_number, p.identity_id, b.depth + 1
         FROM policy_identities p JOIN below b ON p.manager_employee_number = b.employee_number
        WHERE b.depth < ${MAX_CHAIN}
     )
     SELECT DISTINCT identity_id FROM below WHERE NOT (employee_number = ANY ($1::text[]))`,
    [employeeNumbers],
  );
  return rows.map((row) => row.identity_id);
}

/**
 * Manager chains for a few rows, walked in SQL (one statement for them all). Each walk keeps the
 * numbers it passed, so a cycle in HR data stops it; a manager policy does not know ends the chain
 * and is kept in it, as in `managerChainsOf`.
 */
async function withChains(db: Queryable, rows: readonly PolicyIdentityRow[]): Promise<PolicySubject[]> {
  if (rows.length === 0) return [];
  const { rows: walked } = await db.query<{ start: string; employee_number: string; manager: string | null; depth: number }>(
    `WITH RECURSIVE walk(start, employee_number, manager, depth, path) AS (
       SELECT p.employee_number, p.employee_number, p.manager_employee_number, 0, ARRAY[p.employee_number]
         FROM policy_identities p WHERE p.employee_number = ANY ($1::text[])
       UNION ALL
       SELECT w.start, p.employee_number, p.manager_employee_number, w.depth + 1, w.path || p.employee_number
         FROM walk w JOIN policy_identities p ON p.employee_number = w.manager
        WHERE NOT (p.employee_number = ANY (w.path)) AND w.depth < ${MAX_CHAIN}
     )
     SELECT start, employee_number, manager, depth FROM walk ORDER BY start, depth`,
    [rows.map((row) => row.employee_number)],
  );
  const walks = new Map<string, { employee_number: string; manager: string | null }[]>();
  for (const step of walked) walks.set(step.start, [...(walks.get(step.start) ?? []), step]);
  return rows.map((row) => {
    const steps = walks.get(row.employee_number) ?? [];
    const path = steps.map((step) => step.employee_number);
    const chain = path.slice(1);
    const last = steps[steps.length - 1]?.manager ?? null;
    // The walk stopped with a manager it did not pass: one policy does not know (a cycle would be in `path`).
    if (last !== null && !path.includes(last) && chain.length < MAX_CHAIN) chain.push(last);
    return toSubject(row, chain);
  });
}

function toSubject(row: PolicyIdentityRow, managerChain: readonly string[]): PolicySubject {
  return {
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    status: row.status,
    department: row.department,
    title: row.title,
    location: row.location,
    costCenter: row.cost_center,
    employmentType: row.employment_type,
    managerEmployeeNumber: row.manager_employee_number,
    managerChain,
    custom: row.custom,
  };
}
