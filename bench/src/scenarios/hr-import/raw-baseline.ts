import type { Pool } from 'pg';
import { now } from '../../measure/timing';
import type { GeneratedPerson } from './generate-people';

const TABLE = 'bench_raw_hr_people';

/**
 * What PostgreSQL itself costs for the same rows: each person as one row (employee number + the
 * record as JSON) bulk-inserted with multi-row INSERTs into a table with nothing but a primary key.
 * No history, no checks, no read model: the floor the import is compared with.
 */
export async function measureRawBulkInsert(
  pool: Pool,
  people: readonly GeneratedPerson[],
  batchSize: number,
): Promise<{ rows: number; elapsedMs: number }> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (employee_number text PRIMARY KEY, record jsonb NOT NULL)`);
  await pool.query(`TRUNCATE ${TABLE}`);
  const started = now();
  for (let first = 0; first < people.length; first += batchSize) {
    const batch = people.slice(first, first + batchSize);
    const tuples = batch.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2}::jsonb)`).join(', ');
    await pool.query(
      `INSERT INTO ${TABLE} (employee_number, record) VALUES ${tuples}
       ON CONFLICT (employee_number) DO UPDATE SET record = EXCLUDED.record`,
      batch.flatMap((person) => [person.employeeNumber, JSON.stringify(person)]),
    );
  }
  return { rows: people.length, elapsedMs: now() - started };
}
