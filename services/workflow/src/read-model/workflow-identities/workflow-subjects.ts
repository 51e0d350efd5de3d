import type { PolicySubject } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { WorkflowIdentityRow } from './workflow-identities.table';

/** Longer chains than this are HR data errors; a walk stops there rather than loop. */
const MAX_CHAIN = 200;

/** These identities as the policy decision library takes them, with their manager chains (unknown ids are left out). */
export async function findSubjects(db: Queryable, identityIds: readonly string[]): Promise<PolicySubject[]> {
  if (identityIds.length === 0) return [];
  const { rows } = await db.query<WorkflowIdentityRow>(
    `SELECT employee_number, identity_id, status, manager_employee_number, snapshot FROM workflow_identities
      WHERE identity_id = ANY ($1::text[])`,
    [identityIds],
  );
  const chains = await managerChains(
    db,
    rows.map((row) => row.employee_number),
  );
  return rows.map((row) => toSubject(row, chains.get(row.employee_number) ?? []));
}

/** Identity ids of everyone whose status is one of these, in employee number order. */
export async function identityIdsWithStatus(db: Queryable, statuses: readonly WorkflowIdentityRow['status'][]): Promise<string[]> {
  const { rows } = await db.query<{ identity_id: string }>(
    'SELECT identity_id FROM workflow_identities WHERE status = ANY ($1::text[]) ORDER BY employee_number',
    [statuses],
  );
  return rows.map((row) => row.identity_id);
}

/** Identity ids of everyone reporting, directly or not, to these employee numbers (them excluded). */
export async function findReports(db: Queryable, employeeNumbers: readonly string[]): Promise<string[]> {
  if (employeeNumbers.length === 0) return [];
  const { rows } = await db.query<{ identity_id: string }>(
    `WITH RECURSIVE below(employee_number, identity_id, depth) AS (
       SELECT w.employee_number, w.identity_id, 1 FROM workflow_identities w WHERE w.manager_employee_number = ANY ($1::text[])
       UNION
       SELECT w.employee_number, w.identity_id, b.depth + 1
         FROM workflow_identities w JOIN below b ON w.manager_employee_number = b.employee_number
        WHERE b.depth < ${MAX_CHAIN}
     )
     SELECT DISTINCT identity_id FROM below WHERE NOT (employee_number = ANY ($1::text[]))`,
    [employeeNumbers],
  );
  return rows.map((row) => row.identity_id);
}

/**
 * Each one's managers, nearest first, walked in SQL (one statement for them all). A walk keeps the
 * numbers it passed, so a cycle in HR data stops it; a manager workflow does not know ends the
 * chain and is kept in it (a "reports to" on them still matches).
 */
async function managerChains(db: Queryable, employeeNumbers: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ start: string; employee_number: string; manager: string | null }>(
    `WITH RECURSIVE walk(start, employee_number, manager, depth, path) AS (
       SELECT w.employee_number, w.employee_number, w.manager_employee_number, 0, ARRAY[w.employee_number]
         FROM workflow_identities w WHERE w.employee_number = ANY ($1::text[])
       UNION ALL
       SELECT k.start, w.employee_number, w.manager_employee_number, k.depth + 1, k.path || w.employee_number
         FROM walk k JOIN workflow_identities w ON w.employee_number = k.manager
        WHERE NOT (w.employee_number = ANY (k.path)) AND k.depth < ${MAX_CHAIN}
     )
     SELECT start, employee_number, manager FROM walk ORDER BY start, depth`,
    [employeeNumbers],
  );
  const walks = new Map<string, { employee_number: string; manager: string | null }[]>();
  for (const step of rows) walks.set(step.start, [...(walks.get(step.start) ?? []), step]);
  const chains = new Map<string, string[]>();
  for (const [start, steps] of walks) {
    const path = steps.map((step) => step.employee_number);
    const chain = path.slice(1);
    const last = steps[steps.length - 1]?.manager ?? null;
    // The walk stopped at a manager it did not pass: one workflow does not know (a cycle would be in `path`).
    if (last !== null && !path.includes(last) && chain.length < MAX_CHAIN) chain.push(last);
    chains.set(start, chain);
  }
  return chains;
}

function toSubject(row: WorkflowIdentityRow, managerChain: readonly string[]): PolicySubject {
  const { attributes } = row.snapshot;
  return {
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    status: row.status,
    department: attributes.department,
    title: attributes.title,
    location: attributes.location,
    costCenter: attributes.costCenter,
    employmentType: attributes.employmentType,
    managerEmployeeNumber: attributes.managerEmployeeNumber,
    managerChain,
    custom: attributes.custom,
  };
}
