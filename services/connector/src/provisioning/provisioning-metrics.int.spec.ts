import { operationStreamId } from '@tenure/contracts';
import { metricValue, ServiceMetrics } from '@tenure/service-runtime';
import { addAssignment, hire, TestClock, waitFor } from '@tenure/testing';
import { grantOperationId } from '../domain/operation';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// Provisioning's metrics against what the log records: each call to the target is timed with its
// outcome, and the operations gauge counts the read model's operations by status.
describe('provisioning metrics', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  let metrics: ServiceMetrics;

  beforeAll(async () => {
    harness = await startProvisioningHarness(clock, {
      metrics: (store) => (metrics = new ServiceMetrics({ name: 'connector', version: 'test' }, store)),
    });
  });
  afterAll(() => harness.stop());

  it('given a target failing some calls, when people are assigned until all is granted, then calls are counted by outcome as the log records them', async () => {
    // Given
    await harness.registerSimulated('flaky', { entitlements: ['member'], errorRate: 0.3, seed: 11 });
    const operationIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const identityId = await hire(harness.store, { employeeNumber: String(41000 + i), department: 'Sales' });
      await addAssignment(harness.store, { assignmentId: `a-flaky-${i}`, identityId, applicationId: 'flaky', entitlementKey: 'member' });
      operationIds.push(grantOperationId(`a-flaky-${i}`));
    }
    await harness.settled();

    // When: retries fall due as the clock moves.
    await waitFor(
      'every grant to succeed',
      async () => {
        clock.advance(60_000);
        harness.runtime.provisioning.kick();
        await harness.runtime.readModelsCaughtUp();
        const { rows } = await harness.database.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM connector_operations WHERE operation_id = ANY ($1::text[]) AND status = 'succeeded'`,
          [operationIds],
        );
        return rows[0]!.n === operationIds.length ? true : undefined;
      },
      30_000,
    );
    const text = await metrics.registry.metrics();

    // Then
    const failedAttempts = await harness.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tenure_events WHERE type = 'OperationAttemptFailed' AND stream_id = ANY ($1::text[])`,
      [operationIds.map(operationStreamId)],
    );
    const calls = (outcome: string) =>
      metricValue(text, 'tenure_provisioning_call_seconds_count', { application: 'flaky', action: 'grant', outcome, service: 'connector' });
    expect(calls('succeeded')).toBe(5);
    expect(failedAttempts.rows[0]!.n).toBeGreaterThan(0);
    expect(calls('retrying')).toBe(failedAttempts.rows[0]!.n);
    expect(calls('failed')).toBeUndefined();
    expect(metricValue(text, 'tenure_provisioning_operations', { application: 'flaky', status: 'succeeded', service: 'connector' })).toBe(
      5,
    );
  });
});
