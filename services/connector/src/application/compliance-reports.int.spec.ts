import { migrate, PostgresEventStore, rebuildProjection } from '@tenure/event-store-postgres';
import { createTestDatabase, TestClock, type TestDatabase } from '@tenure/testing';
import { applicationsProjection } from '../read-model/applications/applications.projection';
import { driftProjection } from '../read-model/reconciliation/drift.projection';
import { provisioningTimingsProjection } from '../read-model/reports/provisioning-timings.projection';
import {
  assignmentAdded,
  assignmentRevoked,
  operation,
  orphansFound,
  registerApplication,
  terminated,
  type ScriptedAssignment,
} from '../testing/report-events';
import { ConnectorReports } from './compliance-reports';

// The connector's compliance reports over a scripted history with known answers, folded by the
// projections from position 0 on a real PostgreSQL, and folded again to show a rebuild agrees.
describe('compliance reports of the connector', () => {
  const decidedAt = '2026-05-04T09:00:00.000Z';
  const revokedAt = '2026-05-04T10:00:00.000Z';
  const terminatedAt = '2026-05-04T11:00:00.000Z';
  const clock = new TestClock(new Date('2026-05-20T12:00:00.000Z'));
  let database: TestDatabase;
  let store: PostgresEventStore;
  let reports: ConnectorReports;

  const grant = (n: number, identityId = 'id-ada'): ScriptedAssignment => ({
    assignmentId: `a-${n}`,
    identityId,
    applicationId: 'erp',
    entitlementKey: 'read-only',
  });

  const rebuild = async () => {
    for (const projection of [applicationsProjection, driftProjection, provisioningTimingsProjection]) {
      await rebuildProjection(store.pool, store.wakeups, projection);
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    reports = new ConnectorReports({ pool: store.pool, clock });
    await registerApplication(store, 'erp', { amountPerMonth: 95, currency: 'EUR' }, '2026-05-01T08:00:00.000Z');
    await registerApplication(store, 'slack', { amountPerMonth: 8.25, currency: 'EUR' }, '2026-05-01T08:00:00.000Z');
    await registerApplication(store, 'wiki', null, '2026-05-01T08:00:00.000Z');

    // Three ERP grants acknowledged 1 s, 2 s and 10 s after they were decided; a fourth still queued.
    for (const [n, after] of [
      [1, 1],
      [2, 2],
      [3, 10],
      [4, null],
    ] as const) {
      await assignmentAdded(store, grant(n), decidedAt);
      const cause = { kind: 'assignment', reference: `a-${n}` } as const;
      const scripted = {
        operationId: `grant.a-${n}`,
        action: 'grant',
        applicationId: 'erp',
        identityId: 'id-ada',
        userName: 'ada',
        cause,
      } as const;
      await operation(
        store,
        { ...scripted, assignmentId: `a-${n}`, entitlementKey: 'read-only' },
        decidedAt,
        after === null ? null : { after, steps: ['EntitlementGranted'] },
      );
    }
    // A grant decided 40 days before: outside the default period.
    await assignmentAdded(store, grant(9, 'id-bob'), '2026-04-01T09:00:00.000Z');
    await operation(
      store,
      {
        operationId: 'grant.a-9',
        action: 'grant',
        applicationId: 'erp',
        identityId: 'id-bob',
        userName: 'bob',
        cause: { kind: 'assignment', reference: 'a-9' },
      },
      '2026-04-01T09:00:00.000Z',
      { after: 500, steps: ['AccountCreated', 'EntitlementGranted'] },
    );

    // A review revokes Bob's last ERP entitlement: his account is disabled 4 s later (a license back).
    await assignmentRevoked(store, grant(9, 'id-bob'), 'review', revokedAt);
    await operation(
      store,
      {
        operationId: 'revoke.a-9',
        action: 'revoke',
        applicationId: 'erp',
        identityId: 'id-bob',
        userName: 'bob',
        cause: { kind: 'assignment', reference: 'a-9' },
      },
      revokedAt,
      { after: 4, steps: ['AccountDisabled', 'EntitlementRevoked'] },
    );

    // Carol leaves: her ERP account is disabled 30 s after the termination, her Slack one 60 s after;
    // the leaver revocation of her Slack entitlement then disables the same account again (nothing more freed).
    const slack: ScriptedAssignment = { assignmentId: 's-1', identityId: 'id-carol', applicationId: 'slack', entitlementKey: 'member' };
    await assignmentAdded(store, slack, '2026-05-02T09:00:00.000Z');
    await operation(
      store,
      {
        operationId: 'grant.s-1',
        action: 'grant',
        applicationId: 'slack',
        identityId: 'id-carol',
        userName: 'carol',
        cause: { kind: 'assignment', reference: 's-1' },
      },
      '2026-05-02T09:00:00.000Z',
      { after: 3, steps: ['AccountCreated', 'EntitlementGranted'] },
    );
    const termination = await terminated(store, 'id-carol', '30003', terminatedAt);
    for (const [applicationId, after] of [
      ['erp', 30],
      ['slack', 60],
    ] as const) {
      await operation(
        store,
        {
          operationId: `disable.${applicationId}.carol`,
          action: 'disable-account',
          applicationId,
          identityId: 'id-carol',
          userName: 'carol',
          cause: { kind: 'termination', reference: termination },
        },
        terminatedAt,
        { after, steps: ['AccountDisabled'] },
      );
    }
    await assignmentRevoked(store, slack, 'leaver', later(terminatedAt, 1));
    await operation(
      store,
      {
        operationId: 'revoke.s-1',
        action: 'revoke',
        applicationId: 'slack',
        identityId: 'id-carol',
        userName: 'carol',
        cause: { kind: 'assignment', reference: 's-1' },
      },
      later(terminatedAt, 1),
      { after: 5, steps: ['AccountDisabled', 'EntitlementRevoked'] },
    );
    // Reconciliation disables an orphaned wiki account: nobody's decision, no leaver, no review.
    await operation(
      store,
      {
        operationId: 'drift.wiki.ghost',
        action: 'disable-account',
        applicationId: 'wiki',
        identityId: '',
        userName: 'ghost',
        cause: { kind: 'drift', reference: 'd-1' },
      },
      terminatedAt,
      { after: 2, steps: ['AccountDisabled'] },
    );
    await orphansFound(store, 'erp', ['old-admin', 'temp-42'], '2026-05-05T02:00:00.000Z');
    await orphansFound(store, 'slack', ['bot-7'], '2026-05-05T02:00:00.000Z');
    await rebuild();
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('given three grants acknowledged after 1 s, 2 s and 10 s and one queued, when the times are reported, then p50 is 2 s, p95 9.2 s and one is pending', async () => {
    const times = await reports.provisioningTimes(reports.period(null, null));

    expect(times.find((row) => row.applicationId === 'erp' && row.direction === 'provision')).toEqual({
      applicationId: 'erp',
      applicationName: 'erp (test)',
      direction: 'provision',
      acknowledged: 3,
      pending: 1,
      p50Seconds: 2,
      p95Seconds: expect.closeTo(9.2, 6),
    });
  });

  it("given a review's revoke after 4 s and a leaver's disable after 30 s, when the times are reported, then ERP's time-to-revoke is p50 17 s from each decision", async () => {
    const times = await reports.provisioningTimes(reports.period(null, null));

    expect(times.filter((row) => row.direction === 'revoke')).toEqual([
      expect.objectContaining({ applicationId: 'erp', acknowledged: 2, pending: 0, p50Seconds: 17, p95Seconds: expect.closeTo(28.7, 6) }),
      expect.objectContaining({ applicationId: 'slack', acknowledged: 2, pending: 0, p50Seconds: 32.5 }),
    ]);
  });

  it('given a grant decided before the period, when a period that holds it is asked for, then only it is counted', async () => {
    const times = await reports.provisioningTimes(reports.period(new Date('2026-04-01T00:00:00Z'), new Date('2026-04-02T00:00:00Z')));

    expect(times).toEqual([expect.objectContaining({ applicationId: 'erp', direction: 'provision', acknowledged: 1, p50Seconds: 500 })]);
  });

  it('given a leaver with two accounts, a review revocation and an orphan disabled by reconciliation, when licenses are reported, then three were reclaimed, each counted once, at their cost', async () => {
    const reclaimed = await reports.licensesReclaimed(reports.period(null, null));

    expect(reclaimed).toEqual([
      { applicationId: 'erp', applicationName: 'erp (test)', reclaimedBy: 'leaver', count: 1, monthlyCost: 95, currency: 'EUR' },
      { applicationId: 'erp', applicationName: 'erp (test)', reclaimedBy: 'review', count: 1, monthlyCost: 95, currency: 'EUR' },
      { applicationId: 'slack', applicationName: 'slack (test)', reclaimedBy: 'leaver', count: 1, monthlyCost: 8.25, currency: 'EUR' },
    ]);
  });

  it('given orphaned accounts found in two applications, when they are reported, then they are counted by application and a missing grant is not one', async () => {
    await expect(reports.orphanedAccounts()).resolves.toEqual({
      total: 3,
      byApplication: [
        { applicationId: 'erp', applicationName: 'erp (test)', count: 2 },
        { applicationId: 'slack', applicationName: 'slack (test)', count: 1 },
      ],
    });
  });

  it('given the read model rebuilt from position 0 again, when the reports are asked again, then they are the same', async () => {
    const period = reports.period(null, null);
    const before = [await reports.provisioningTimes(period), await reports.licensesReclaimed(period)];

    await rebuild();

    expect([await reports.provisioningTimes(period), await reports.licensesReclaimed(period)]).toEqual(before);
  });

  it('given a period that ends before it starts or spans more than 366 days, when asked for, then it is refused as invalid', () => {
    expect(() => reports.period(new Date('2026-05-02T00:00:00Z'), new Date('2026-05-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('must be before to') }),
    );
    expect(() => reports.period(new Date('2024-01-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('longer than 366 days') }),
    );
  });
});

function later(at: string, seconds: number): string {
  return new Date(new Date(at).getTime() + seconds * 1000).toISOString();
}
