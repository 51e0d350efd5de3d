import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * The chain of managers above `managerEmployeeNumber` as the directory knows it, stopping at the
 * top, at an unknown manager (not hired yet: linked when they appear), or at `employeeNumber`
 * itself — which means that making them the manager would close a cycle.
 */
export async function managerChain(
  db: Queryable,
  employeeNumber: string,
  managerEmployeeNumber: string,
): Promise<{ chain: string[]; cycle: boolean }> {
  const { rows } = await db.query<{ employee_number: string }>(
    `WITH RECURSIVE chain(employee_number, manager, depth) AS (
       SELECT d.employee_number, d.manager_employee_number, 1 FROM identity_directory d WHERE d.employee_number = $1
       UNION ALL
       SELECT d.employee_number, d.manager_employee_number, c.depth + 1
         FROM identity_directory d JOIN chain c ON d.employee_number = c.manager
        WHERE c.employee_number <> $2 AND c.depth < 1000
     )
     SELECT employee_number FROM chain ORDER BY depth`,
    [managerEmployeeNumber, employeeNumber],
  );
  const chain = rows.map((r) => r.employee_number);
  return { chain, cycle: chain.includes(employeeNumber) };
}
