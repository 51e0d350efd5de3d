import { randomIds, type RecordedEvent } from '@tenure/event-sourcing';
import { rebuildProjection } from '@tenure/event-store-postgres';
import { hire, identityIdOf, move, terminate } from '@tenure/testing';
import { ADMIN, startPolicyHarness, TestClock, type PolicyHarness } from '../testing/policy-harness';
import { smallPolicy } from '../domain/testing/policy-fixtures';
import { POLICY_PROJECTIONS } from '../application/policy-runtime';
import { findReports, findSubject, loadAllSubjects } from './policy-identities/policy-subjects';

describe('policy read models on PostgreSQL', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: PolicyHarness;

  beforeAll(async () => {
    harness = await startPolicyHarness(clock);
    // 1 ← 2 ← 3, 4 reports to 9 (unknown to policy), x ↔ y is an HR cycle.
    await hire(harness.store, { employeeNumber: '1', department: 'Executive' });
    await hire(harness.store, { employeeNumber: '2', department: 'Engineering', managerEmployeeNumber: '1' });
    await hire(harness.store, { employeeNumber: '3', department: 'Engineering', managerEmployeeNumber: '2' });
    await hire(harness.store, { employeeNumber: '4', department: 'Sales', managerEmployeeNumber: '9' });
    await hire(harness.store, { employeeNumber: 'x', department: 'Sales', managerEmployeeNumber: 'y' });
    await hire(harness.store, { employeeNumber: 'y', department: 'Sales', managerEmployeeNumber: 'x' });
    await harness.runtime.readModelsCaughtUp();
  });
  afterAll(() => harness.stop());

  it('given identity events, when subjects are read one by one or all at once, then their manager chains agree, cycles and unknown managers included', async () => {
    const all = await loadAllSubjects(harness.database.pool, { includeTerminated: true });
    for (const subject of all) {
      await expect(findSubject(harness.database.pool, { employeeNumber: subject.employeeNumber })).resolves.toEqual(subject);
    }
    const chains = Object.fromEntries(all.map((subject) => [subject.employeeNumber, subject.managerChain]));
    expect(chains).toEqual({ '1': [], '2': ['1'], '3': ['2', '1'], '4': ['9'], x: ['y'], y: ['x'] });
    await expect(findSubject(harness.database.pool, { identityId: identityIdOf('3') })).resolves.toMatchObject({
      employeeNumber: '3',
      department: 'Engineering',
      status: 'active',
    });
  });

  it('given a hierarchy, when reports are asked for, then everyone below is found once', async () => {
    expect((await findReports(harness.database.pool, ['1'])).sort()).toEqual([identityIdOf('2'), identityIdOf('3')].sort());
    expect((await findReports(harness.database.pool, ['x'])).sort()).toEqual([identityIdOf('y')]);
  });

  it('given a move and a termination, when folded, then the copy follows the published events', async () => {
    await move(harness.store, '3', { department: 'Sales', managerEmployeeNumber: '4' });
    await terminate(harness.store, '4');
    await harness.runtime.readModelsCaughtUp();
    await expect(findSubject(harness.database.pool, { employeeNumber: '3' })).resolves.toMatchObject({
      department: 'Sales',
      managerChain: ['4', '9'],
    });
    await expect(findSubject(harness.database.pool, { employeeNumber: '4' })).resolves.toMatchObject({ status: 'terminated' });
    const current = await loadAllSubjects(harness.database.pool, { includeTerminated: false });
    expect(current.map((subject) => subject.employeeNumber)).not.toContain('4');
  });

  it('given every read model filled, when each is rebuilt from position 0, then each holds exactly what it held', async () => {
    const { administration } = harness.runtime;
    await administration.replaceDraft(smallPolicy, ADMIN);
    await administration.publish('v1', ADMIN);
    await administration.removeSodRule('vendor-payment', ADMIN);
    await administration.grantSodException(
      { ruleId: 'vendor-payment', identityId: identityIdOf('2'), reason: 'test', validUntil: '2026-06-01T00:00:00Z' },
      ADMIN,
    );
    await harness.runtime.violationsCaughtUp();
    const tables = ['policy_identities', 'policy_versions', 'policy_draft', 'sod_exceptions', 'sod_violations'];
    const snapshot = async () => {
      const result: Record<string, unknown[]> = {};
      for (const table of tables) result[table] = (await harness.database.pool.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
      result['timers'] = (await harness.database.pool.query(`SELECT timer_id, due_at FROM tenure_timers ORDER BY 1`)).rows;
      return result;
    };
    const before = await snapshot();
    expect(before['sod_exceptions']).toHaveLength(1);
    expect(before['timers']).toHaveLength(1);

    await harness.runtime.stop();
    for (const projection of POLICY_PROJECTIONS) await rebuildProjection(harness.store.pool, harness.store.wakeups, projection);
    expect(await snapshot()).toEqual(before);
    await harness.restart();
  });

  it('ignores events it does not know in the streams it reads', async () => {
    await harness.store.appendToStream('identity-1', [
      {
        type: 'IdentityStartDateChanged',
        data: { identityId: identityIdOf('1'), startDate: '2026-01-01' },
        metadata: {
          eventId: randomIds.newId(),
          correlationId: 't',
          causationId: null,
          actor: { kind: 'system', id: 't' },
          occurredAt: clock.now().toISOString(),
        },
      },
    ] as never);
    await harness.runtime.violationsCaughtUp();
    await expect(findSubject(harness.database.pool, { employeeNumber: '1' })).resolves.toMatchObject({ department: 'Executive' });
    const events: RecordedEvent[] = await harness.store.readStream('identity-1');
    expect(events.at(-1)?.type).toBe('IdentityStartDateChanged');
  });
});
