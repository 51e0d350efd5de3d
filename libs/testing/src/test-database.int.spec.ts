import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('createTestDatabase', () => {
  it('gives each caller its own empty database on the run’s real PostgreSQL, and drop removes it', async () => {
    const one = await createTestDatabase(1);
    const two = await createTestDatabase(1);
    await one.pool.query('CREATE TABLE only_in_one (x int)');
    const { rows } = await two.pool.query(`SELECT to_regclass('only_in_one') AS found, current_database() AS name`);
    expect(rows[0]).toMatchObject({ found: null });
    expect(one.url).not.toEqual(two.url);

    const name = new URL(one.url).pathname.slice(1);
    await one.drop();
    await two.drop();
    const admin = new Client({ connectionString: process.env['TENURE_TEST_ADMIN_URL'] });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});
