import { randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, startProjection, type RunningProjection, type TimerWorker } from '@tenure/event-store-postgres';
import { createTestDatabase, waitFor, type TestDatabase } from '@tenure/testing';
import type { HrAttributes, HrRecord, HrSource } from '../domain/hr-record';
import { identityDirectoryProjection, identityDueTimerId } from '../read-model/identity-directory.projection';
import type { IdentityDirectoryRow } from '../read-model/identity-directory.table';
import { IdentityCommands } from './identity-commands';
import { startIdentityDueTimer } from './identity-due-timer';
import { identityStreamId } from './identity-streams';
import { hrRecord } from '../testing/hr-records';

const CSV: HrSource = { kind: 'csv', reference: 'import-1' };
const origin = { actor: { kind: 'hr-feed', id: 'nightly-csv' }, correlationId: 'import-1' } as const;

function person(employeeNumber: string, attributes: Partial<HrAttributes> = {}, startDate = '2026-11-01'): HrRecord {
  return hrRecord(employeeNumber, attributes, { startDate });
}

/** The identity service's moving parts (store, directory projection, due timer) on a real database, restartable. */
describe('identity lifecycle on PostgreSQL', () => {
  let database: TestDatabase;
  let now = new Date('2026-11-25T09:00:00Z');
  const clock: Clock = { now: () => now };
  let running: { store: PostgresEventStore; projection: RunningProjection; timer: TimerWorker; commands: IdentityCommands } | undefined;

  async function start() {
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    const commands = new IdentityCommands({ store, pool: store.pool, clock, ids: randomIds });
    const projection = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: identityDirectoryProjection });
    const timer = startIdentityDueTimer(store.pool, clock, commands, 60_000);
    running = { store, projection, timer, commands };
    return running;
  }

  async function stop() {
    if (!running) return;
    await running.timer.stop();
    await running.projection.stop();
    await running.store.close();
    running = undefined;
  }

  async function directory(employeeNumber: string): Promise<IdentityDirectoryRow | undefined> {
    await running!.projection.waitUntilCaughtUp(10_000);
    const { rows } = await database.pool.query<IdentityDirectoryRow>('SELECT * FROM identity_directory WHERE employee_number = $1', [
      employeeNumber,
    ]);
    return rows[0];
  }

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
  });
  afterEach(stop);
  afterAll(() => database.drop());

  it('given a hire with a future start date, when the service is down on that date, then the timer activates the joiner after the restart', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const { commands } = await start();
    await commands.syncFromHr(person('1001', {}, '2026-12-01'), CSV, origin);
    expect(await directory('1001')).toMatchObject({ status: 'pre-hire', next_due_date: '2026-12-01' });
    const { rows: timers } = await database.pool.query('SELECT due_at FROM tenure_timers WHERE timer_id = $1', [
      identityDueTimerId('1001'),
    ]);
    expect(timers[0].due_at.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    await stop();

    now = new Date('2026-12-03T08:00:00Z'); // down over the start date
    const restarted = await start();
    await restarted.timer.fireDue();
    await waitFor('the joiner to be active', async () => ((await directory('1001'))?.status === 'active' ? true : undefined));

    const events = await restarted.store.readStream(identityStreamId('1001'));
    expect(events.map((e) => e.type)).toEqual(['IdentityHired', 'IdentityActivated']);
    expect(events[1]!.data).toMatchObject({ lifecycle: 'joiner', startDate: '2026-12-01' });
    expect(events[1]!.metadata.actor).toEqual({ kind: 'system', id: 'identity-due-timer' });
    const { rowCount } = await database.pool.query('SELECT 1 FROM tenure_timers WHERE timer_id = $1', [identityDueTimerId('1001')]);
    expect(rowCount).toBe(0);
  });

  it('given a reporting line, when HR makes a manager report to their own report, then it is refused naming the cycle, and nothing is recorded', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const { commands, store } = await start();
    await commands.syncFromHr(person('2001'), CSV, origin);
    await commands.syncFromHr(person('2002', { managerEmployeeNumber: '2001' }), CSV, origin);
    await commands.syncFromHr(person('2003', { managerEmployeeNumber: '2002' }), CSV, origin);
    await running!.projection.waitUntilCaughtUp(10_000);

    await expect(commands.syncFromHr(person('2001', { managerEmployeeNumber: '2003' }), CSV, origin)).rejects.toMatchObject({
      code: 'validation',
      message: 'employee 2001: manager 2003 would close a management cycle (2001 → 2003 → 2002 → 2001)',
    });
    expect((await store.readStream(identityStreamId('2001'))).map((e) => e.type)).toEqual(['IdentityHired', 'IdentityActivated']);
  });

  it('given a manager HR has not sent yet, then the report is accepted and linked once the manager is hired', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const { commands } = await start();
    await commands.syncFromHr(person('3002', { managerEmployeeNumber: '3001' }), CSV, origin);
    expect(await directory('3002')).toMatchObject({ status: 'active', manager_employee_number: '3001' });
    await commands.syncFromHr(person('3001'), CSV, origin);
    await running!.projection.waitUntilCaughtUp(10_000);
    const { rows } = await database.pool.query(
      `SELECT r.employee_number FROM identity_directory r JOIN identity_directory m ON m.employee_number = r.manager_employee_number WHERE m.employee_number = '3001'`,
    );
    expect(rows).toEqual([{ employee_number: '3002' }]);
  });

  it('given an active person, when HR resends the same record, then nothing is recorded; when the department changes, a mover event carries before and after', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const { commands, store } = await start();
    await commands.syncFromHr(person('4001'), CSV, origin);
    const resent = await commands.syncFromHr(person('4001'), CSV, origin);
    expect(resent.events).toEqual([]);
    await commands.syncFromHr(person('4001', { department: 'Sales' }), CSV, origin);
    const moved = (await store.readStream(identityStreamId('4001'))).at(-1)!;
    expect(moved).toMatchObject({
      type: 'IdentityMoved',
      data: { lifecycle: 'mover', before: { department: 'Engineering' }, after: { department: 'Sales' } },
    });
    expect(await directory('4001')).toMatchObject({ department: 'Sales', version: '2' });
  });
});
