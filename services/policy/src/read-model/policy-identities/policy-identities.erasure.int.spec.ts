import { ERASED_MARKER } from '@tenure/contracts';
import { migrate, PostgresEventStore, rebuildProjection, startProjection, type RunningProjection } from '@tenure/event-store-postgres';
import { erasePublishedIdentity, leftoversIn } from '@tenure/personal-data/testing';
import { createTestDatabase, hire, identityIdOf, move, terminate, type TestDatabase } from '@tenure/testing';
import { policyIdentitiesProjection } from './policy-identities.projection';

// Erasure of a former employee's personal data (docs/personal-data.md): this service's copy of who
// is who must lose it on PersonalDataErased, and a rebuild from position 0 must not bring it back.
const SECRETS = ['Given7301', 'p7301@example.com', 'p7301', 'ingrid.7301@example.com', '+33 6 73 01 73 01'];

describe('policy_identities and the erasure of personal data', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let running: RunningProjection | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    running = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: policyIdentitiesProjection });
    await hire(store, { employeeNumber: '7301', department: 'Finance' });
    await move(store, '7301', { email: 'ingrid.7301@example.com', custom: { phone: '+33 6 73 01 73 01' } });
    await terminate(store, '7301');
    await hire(store, { employeeNumber: '7302', department: 'Finance' });
    await running.waitUntilCaughtUp(10_000);
  });

  afterAll(async () => {
    await running?.stop();
    await store.close();
    await database.drop();
  });

  it('given a former employee in the read model, when their personal data is erased, then the live rows hold none of it', async () => {
    expect(await leftoversIn(store.pool, 'policy_identities', SECRETS)).not.toEqual([]);

    await erasePublishedIdentity(store, '7301', identityIdOf('7301'));
    await running!.waitUntilCaughtUp(10_000);

    expect(await leftoversIn(store.pool, 'policy_identities', SECRETS)).toEqual([]);
    const { rows } = await store.pool.query<{ row: string }>('SELECT t::text AS row FROM policy_identities t WHERE employee_number = $1', [
      '7301',
    ]);
    expect(rows[0]!.row).toContain(ERASED_MARKER);
    // Someone else keeps their data.
    expect(await leftoversIn(store.pool, 'policy_identities', ['Given7302'])).toHaveLength(1);
  });

  it('given the erasure, when the read model is rebuilt from position 0, then it is the same and holds none of the personal data', async () => {
    const before = await store.pool.query('SELECT * FROM policy_identities ORDER BY employee_number');
    await running!.stop();
    running = undefined;

    await rebuildProjection(store.pool, store.wakeups, policyIdentitiesProjection);

    expect(await leftoversIn(store.pool, 'policy_identities', SECRETS)).toEqual([]);
    const after = await store.pool.query('SELECT * FROM policy_identities ORDER BY employee_number');
    expect(after.rows).toEqual(before.rows);
  });
});
