import { createLogger } from '@tenure/platform';
import { ADMIN, TestClock } from '../testing/connector-harness';
import { SWEEPER } from './reconciliation';
import { ReconciliationScheduler } from './reconciliation-scheduler';
import {
  handMadeAccount,
  scratchRowCount,
  simulatedTarget,
  startReconciliationKit,
  type ReconciliationKit,
} from './testing/reconciliation-test-kit';

// Runs that fail, overlap, were left behind by a stopped service, or come from the schedule.

const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));

describe('reconciliation runs that cannot finish, or must not overlap', () => {
  let kit: ReconciliationKit;

  beforeAll(async () => {
    kit = await startReconciliationKit(clock);
  });
  afterAll(() => kit?.harness.stop());

  /** A run as a service that stopped mid-run leaves it: started, never ended. */
  async function leftRunning(runId: string, applicationId: string, eventId: string) {
    await kit.harness.store.appendToStream(`reconciliation-${runId}`, [
      {
        type: 'ReconciliationStarted',
        data: { runId, applicationId, trigger: 'schedule', remediation: 'flag', startedAt: '2026-05-09T08:00:00.000Z' },
        metadata: { eventId, correlationId: 'x', causationId: null, actor: ADMIN, occurredAt: '2026-05-09T08:00:00.000Z' },
      },
    ]);
  }

  async function register(applicationId: string, settings: object) {
    await kit.harness.runtime.applications.register(
      {
        applicationId,
        name: applicationId,
        connectorType: 'simulated',
        settings,
        credentials: {},
        ownerEmployeeNumber: '1',
        enabled: false,
      },
      ADMIN,
    );
  }

  it('given a target that keeps failing, when reconciled, then the run fails with the target’s error, and no scratch row is left', async () => {
    const flaky = simulatedTarget(['admins']);
    flaky.target.upsertAccount(handMadeAccount('someone'));
    await register('flaky', { ...flaky.settings, errorRate: 1 });

    const outcome = await kit.reconciliation.run('flaky', { trigger: 'administrator', actor: ADMIN });

    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'unavailable', message: expect.stringContaining('503') } });
    await kit.harness.runtime.readModelsCaughtUp();
    await expect(kit.harness.runtime.reconciliation.queries.lastRun('flaky')).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'unavailable', message: expect.stringContaining('503 Service Unavailable') },
    });
    expect(await scratchRowCount(kit.harness)).toBe(0);
  });

  it('given a run under way, when another is asked for the same application, then it is refused clearly; another application runs', async () => {
    const slow = simulatedTarget(['admins']);
    for (let index = 0; index < 12; index++) slow.target.upsertAccount(handMadeAccount(`user-${index}`));
    await register('slow', { ...slow.settings, latencyMs: 25 });
    const other = simulatedTarget(['admins']);
    await register('other', other.settings);

    const [first, second, third] = await Promise.allSettled([
      kit.reconciliation.run('slow', { trigger: 'administrator', actor: ADMIN }),
      new Promise((resolve) => setTimeout(resolve, 20)).then(() => kit.reconciliation.run('slow', { trigger: 'schedule', actor: ADMIN })),
      kit.reconciliation.run('other', { trigger: 'administrator', actor: ADMIN }),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { status: 'completed', drift: { 'orphaned-account': 12 } } });
    expect(second).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'conflict',
        message: 'a reconciliation of application "slow" is running: wait for it to finish (reconciliationRuns shows it)',
      },
    });
    expect(third).toMatchObject({ status: 'fulfilled', value: { status: 'completed' } });
  });

  it('given a manual or unknown application, when reconciled, then it is refused before any run starts', async () => {
    await kit.harness.runtime.applications.register(
      {
        applicationId: 'badges',
        name: 'Badges',
        connectorType: 'manual',
        settings: {},
        credentials: {},
        ownerEmployeeNumber: '1',
        enabled: true,
      },
      ADMIN,
    );
    await expect(kit.reconciliation.run('badges', { trigger: 'administrator', actor: ADMIN })).rejects.toMatchObject({
      code: 'illegal_state',
    });
    await expect(kit.reconciliation.run('nope', { trigger: 'administrator', actor: ADMIN })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('given a run a stopped service left running, when the next run starts, then the old one is failed as abandoned', async () => {
    const { harness } = kit;
    await leftRunning('interrupted', 'other', '9a1d3f3c-0c43-4b0e-9d55-3f7d1f0c0a11');
    await kit.reconciliation.run('other', { trigger: 'administrator', actor: ADMIN });
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.reconciliation.queries.run('interrupted')).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'abandoned' },
    });
  });

  it('given runs left running, when the sweep looks, then it ends only those no instance holds the run lock of, once the holder is gone', async () => {
    const { harness } = kit;
    await register('swept', simulatedTarget(['admins']).settings);
    await register('held', simulatedTarget(['admins']).settings);
    await leftRunning('dead-instance-run', 'swept', '5b0c1e92-7d0e-4f3a-8a51-2f4c6f1d9b21');
    await leftRunning('live-instance-run', 'held', '0f6e2a77-3c1d-4b8e-9e02-6a5d4c3b2a10');
    // Another instance working on "held": its run lock taken on a session of its own, as a run takes it.
    const otherInstance = await harness.store.pool.connect();
    await otherInstance.query("SELECT pg_advisory_lock(hashtextextended('connector-reconciliation:held', 0))");
    const otherInstancePid = (await otherInstance.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await harness.runtime.readModelsCaughtUp();

    expect(await kit.reconciliation.endInterruptedRuns(SWEEPER)).toEqual(['dead-instance-run']);

    await harness.runtime.readModelsCaughtUp();
    const queries = harness.runtime.reconciliation.queries;
    await expect(queries.run('dead-instance-run')).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'abandoned', message: 'the service running it stopped before the run finished' },
    });
    await expect(queries.run('live-instance-run')).resolves.toMatchObject({ status: 'running' });

    // The other instance dies: PostgreSQL ends its session, and with it the lock.
    await harness.store.pool.query('SELECT pg_terminate_backend($1)', [otherInstancePid]);
    otherInstance.on('error', () => undefined);
    otherInstance.release(true);
    expect(await kit.reconciliation.endInterruptedRuns(SWEEPER)).toEqual(['live-instance-run']);
    expect(await kit.reconciliation.endInterruptedRuns(SWEEPER)).toEqual([]);
    await harness.runtime.readModelsCaughtUp();
    await expect(queries.run('live-instance-run')).resolves.toMatchObject({ status: 'failed', error: { kind: 'abandoned' } });
  });

  it('given a schedule, when the scheduler checks, then a due application is reconciled once, and not again until it is due again', async () => {
    const scheduler = new ReconciliationScheduler({
      pool: kit.harness.store.pool,
      clock,
      service: kit.reconciliation,
      logger: createLogger('reconciliation-test', 'silent'),
    });
    await kit.harness.runtime.applications.configureReconciliation('other', { remediation: 'flag', scheduleMinutes: 60 }, ADMIN);
    // Paused applications wait: their targets may be in maintenance.
    await kit.harness.runtime.applications.resume('other', 'scheduled from now on', ADMIN);
    await kit.harness.runtime.readModelsCaughtUp();
    expect(await scheduler.runDue()).toEqual([]);

    clock.advance(61 * 60_000);
    expect(await scheduler.runDue()).toEqual(['other']);
    await kit.harness.runtime.readModelsCaughtUp();
    expect(await scheduler.runDue()).toEqual([]);
    await expect(kit.harness.runtime.reconciliation.queries.lastRun('other')).resolves.toMatchObject({
      trigger: 'schedule',
      status: 'completed',
    });
  });
});
