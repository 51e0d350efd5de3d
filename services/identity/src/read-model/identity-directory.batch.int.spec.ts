import { randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, rebuildProjection } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { IdentityCommands } from '../application/identity-commands';
import type { HrRecord, HrSource } from '../domain/hr-record';
import { identityDirectoryProjection } from './identity-directory.projection';

const CSV: HrSource = { kind: 'csv', reference: 'batch-test' };
const origin = { actor: { kind: 'hr-feed', id: 'test' }, correlationId: 'batch-test' } as const;

function person(n: number, overrides: Partial<HrRecord> = {}): HrRecord {
  return {
    employeeNumber: String(5000 + n),
    startDate: n % 3 === 0 ? '2026-12-15' : '2026-01-05',
    terminationDate: null,
    active: true,
    attributes: {
      givenName: `G${n}`,
      familyName: `F${n}`,
      email: `p${n}@example.com`,
      department: n % 2 ? 'Sales' : 'Engineering',
      title: 'Engineer',
      managerEmployeeNumber: n > 0 ? '5000' : null,
      location: 'Berlin',
      costCenter: 'CC-1',
      employmentType: 'employee',
      custom: {},
    },
    ...overrides,
  };
}

/** The batched path of the directory projection must leave exactly what the per-event path leaves. */
describe('identity directory: batched and per-event application agree', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z') };

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    const client = await database.pool.connect();
    await identityDirectoryProjection.setup(client); // the commands' manager check reads the (empty) directory
    client.release();
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  async function snapshot() {
    const rows = await database.pool.query('SELECT * FROM identity_directory ORDER BY employee_number');
    const timers = await database.pool.query(
      "SELECT timer_id, due_at, payload FROM tenure_timers WHERE kind = 'identity-due' ORDER BY timer_id",
    );
    return { rows: rows.rows, timers: timers.rows };
  }

  it('given hires, moves, scheduled and immediate terminations, then a rebuild in batches of 500 equals one in batches of 1', async () => {
    const commands = new IdentityCommands({ store, pool: store.pool, clock, ids: randomIds });
    for (let n = 0; n < 30; n++) await commands.syncFromHr(person(n), CSV, origin);
    for (let n = 1; n < 30; n += 4)
      await commands.syncFromHr(person(n, { attributes: { ...person(n).attributes, title: 'Lead' } }), CSV, origin);
    for (let n = 2; n < 30; n += 5) await commands.syncFromHr(person(n, { terminationDate: '2027-01-31' }), CSV, origin);
    for (let n = 4; n < 30; n += 7) await commands.syncFromHr(person(n, { active: false }), CSV, origin);

    await rebuildProjection(store.pool, store.wakeups, identityDirectoryProjection, { batchSize: 1 });
    const oneByOne = await snapshot();
    await rebuildProjection(store.pool, store.wakeups, identityDirectoryProjection, { batchSize: 500 });
    const batched = await snapshot();

    expect(oneByOne.rows).toHaveLength(30);
    expect(oneByOne.timers.length).toBeGreaterThan(0);
    expect(batched).toEqual(oneByOne);
  });
});
