import { addAssignment, hire, TestClock, waitFor } from '@tenure/testing';
import { grantOperationId } from '../domain/operation';
import type { OperationStatus } from '../read-model/operations/operations.table';
import { ADMIN } from '../testing/connector-harness';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// Fault injection with the simulated connector: unavailable, timeouts (half of them applied
// anyway) and 429 are retried with backoff; exhausted retries become dead letters that an
// administrator retries or dismisses; a target that keeps failing opens its circuit while the
// other applications go on. The test clock stands in for the waits.
describe('provisioning through faults', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  let nextEmployee = 30000;
  const queries = () => harness.runtime.provisioning.queries;

  beforeAll(async () => {
    harness = await startProvisioningHarness(clock);
  });
  afterAll(() => harness.stop());

  /** Hires `count` people and assigns each `entitlementKey` in the application; returns the grant operation ids. */
  async function assignPeople(applicationId: string, count: number, entitlementKey = 'member'): Promise<string[]> {
    const operationIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const employeeNumber = String(nextEmployee++);
      const identityId = await hire(harness.store, { employeeNumber, department: 'Sales' });
      const assignmentId = `a-${applicationId}-${employeeNumber}`;
      await addAssignment(harness.store, { assignmentId, identityId, applicationId, entitlementKey });
      operationIds.push(grantOperationId(assignmentId));
    }
    await harness.settled();
    return operationIds;
  }

  async function statuses(applicationId: string): Promise<Record<string, OperationStatus>> {
    await harness.runtime.readModelsCaughtUp();
    const page = await queries().operations({ applicationId, first: 100 });
    return Object.fromEntries(page.operations.map(({ operation }) => [operation.operation_id, operation.status]));
  }

  /** Moves the clock a minute at a time (retries fall due) until every operation is in one of the statuses. */
  async function runUntil(applicationId: string, operationIds: readonly string[], ...wanted: OperationStatus[]): Promise<void> {
    await waitFor(
      `${operationIds.length} operations of ${applicationId} to be ${wanted.join(' or ')}`,
      async () => {
        clock.advance(60_000);
        harness.runtime.provisioning.kick();
        const now = await statuses(applicationId);
        return operationIds.every((id) => wanted.includes(now[id]!)) ? true : undefined;
      },
      30_000,
    );
  }

  async function eventCount(type: string, applicationId: string): Promise<number> {
    const { rows } = await harness.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tenure_events WHERE type = $1 AND stream_id LIKE 'operation-%' AND data->>'applicationId' = $2`,
      [type, applicationId],
    );
    if (rows[0]!.n > 0 || type !== 'OperationAttemptFailed') return rows[0]!.n;
    // Attempt failures do not carry the application: count them through their operation's request.
    const { rows: failed } = await harness.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tenure_events f JOIN tenure_events r ON r.stream_id = f.stream_id AND r.type = 'OperationRequested'
        WHERE f.type = 'OperationAttemptFailed' AND r.data->>'applicationId' = $1`,
      [applicationId],
    );
    return failed[0]!.n;
  }

  it('given a target that fails some calls and times out on others, when people are assigned, then retries get every grant done once', async () => {
    await harness.registerSimulated('flaky', { entitlements: ['member'], errorRate: 0.15, timeoutRate: 0.1, seed: 7 });
    const operationIds = await assignPeople('flaky', 6);

    await runUntil('flaky', operationIds, 'succeeded', 'dead');

    expect(Object.values(await statuses('flaky'))).toEqual(Array(6).fill('succeeded'));
    expect(await eventCount('OperationAttemptFailed', 'flaky')).toBeGreaterThan(0);
    expect(await eventCount('EntitlementGranted', 'flaky')).toBe(6);
    const target = harness.targets.get('flaky')!;
    expect(target.accountCount).toBe(6);
    expect(target.listGrants(null, 100).items).toHaveLength(6);
  });

  it('given a target that allows 2 calls a second, when a grant needs 3, then the 429 is retried no sooner than the target asked', async () => {
    await harness.registerSimulated('limited', { entitlements: ['member'], rateLimit: 2 });
    const [operationId] = await assignPeople('limited', 1);
    await harness.waitForStatus(operationId!, 'retrying');

    const [failed] = (await harness.store.readStream(`operation-${operationId}`)).filter(
      (event) => event.type === 'OperationAttemptFailed',
    );
    const { errorKind, retryAt, failedAt } = failed!.data as { errorKind: string; retryAt: string; failedAt: string };
    expect(errorKind).toBe('rate-limited');
    // The jitter drew 0.5 s; the target asked for the rest of its one-second window.
    expect(Date.parse(retryAt) - Date.parse(failedAt)).toBe(1_000);

    await runUntil('limited', [operationId!], 'succeeded');
    expect(await harness.eventTypes(operationId!)).toEqual([
      'OperationRequested',
      'AccountCreated',
      'OperationAttemptFailed',
      'EntitlementGranted',
    ]);
  });

  it('given a target that is down, when the attempts run out, then the operations are dead letters an administrator sees, retries or dismisses', async () => {
    await harness.registerSimulated('down', { entitlements: ['member'], errorRate: 1 });
    const [first, second] = await assignPeople('down', 2);

    await runUntil('down', [first!, second!], 'dead');
    const dead = await queries().deadLetters({ applicationId: 'down', first: 10 });
    // Both gave up; which one first depends on how the two were scheduled, so the order is not checked.
    expect(dead.operations).toHaveLength(2);
    expect(dead.operations.map(({ operation }) => operation)).toEqual(
      expect.arrayContaining(
        [first, second].map((operationId) =>
          expect.objectContaining({ operation_id: operationId, status: 'dead', attempts: 8, last_error_kind: 'unavailable' }),
        ),
      ),
    );
    expect(await eventCount('OperationFailed', 'down')).toBe(2);

    await harness.runtime.applications.configure(
      'down',
      { application: 'down', entitlements: [{ key: 'member', displayName: 'member' }] },
      ADMIN,
    );
    await harness.runtime.provisioning.administration.retry(first!, ADMIN);
    await runUntil('down', [first!], 'succeeded');
    await harness.runtime.provisioning.administration.dismiss(second!, 'the person never needed it', ADMIN);
    await harness.waitForStatus(second!, 'dismissed');

    expect(await queries().operation(second!)).toMatchObject({ dismissed_by: ADMIN.id, dismiss_reason: 'the person never needed it' });
    await expect(queries().deadLetters({ applicationId: 'down', first: 10 })).resolves.toMatchObject({ operations: [] });
    await expect(harness.runtime.provisioning.administration.dismiss(first!, 'too late', ADMIN)).rejects.toMatchObject({
      code: 'illegal_state',
    });
    await expect(harness.runtime.provisioning.administration.retry(second!, ADMIN)).rejects.toMatchObject({ code: 'illegal_state' });
    await expect(harness.runtime.provisioning.administration.retry('grant.nothing', ADMIN)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('given one target that keeps failing, when its circuit opens, then its remaining operations wait untouched and another application goes on', async () => {
    await harness.registerSimulated('outage', { entitlements: ['member'], errorRate: 1 });
    await harness.registerSimulated('healthy', { entitlements: ['member'] });
    const outage = await assignPeople('outage', 12);
    const healthy = await assignPeople('healthy', 3);

    await waitFor('the circuit of outage to open', async () =>
      (await queries().health('outage')).circuit.state === 'open' ? true : undefined,
    );
    for (const operationId of healthy) await harness.waitForStatus(operationId, 'succeeded');
    const waiting = Object.values(await statuses('outage')).filter((status) => status === 'requested');
    expect(waiting.length).toBeGreaterThan(0);
    expect(await queries().health('outage')).toMatchObject({
      applicationId: 'outage',
      circuit: { state: 'open', consecutiveFailures: expect.any(Number), lastFailure: { kind: 'unavailable' } },
      lastError: { kind: 'unavailable' },
      lastSuccessAt: null,
    });
    expect((await queries().health('healthy')).circuit.state).toBe('closed');

    // The outage ends; after 30 s one trial goes through, closes the circuit, and the rest follow.
    await harness.runtime.applications.configure(
      'outage',
      { application: 'outage', entitlements: [{ key: 'member', displayName: 'member' }] },
      ADMIN,
    );
    await runUntil('outage', outage, 'succeeded');
    expect(await queries().health('outage')).toMatchObject({
      circuit: { state: 'closed', consecutiveFailures: 0 },
      lastSuccessAt: expect.any(Date),
    });
  });
});
