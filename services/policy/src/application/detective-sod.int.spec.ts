import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { waitFor } from '@tenure/testing';
import { addAssignment, hire, identityIdOf, move, revokeAssignment } from '@tenure/testing';
import { ADMIN, startPolicyHarness, TestClock, type PolicyHarness } from '../testing/policy-harness';
import { sodViolationsStreamId } from './policy-streams';

// Detective SoD end to end on PostgreSQL: publications, exceptions (granted, expired), moves and
// what workflow assigns change who violates what; each change is recorded once, in
// sod-violations-<identityId>. Assignments are appended as the workflow service publishes them.
describe('detective SoD on PostgreSQL', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: PolicyHarness;
  const procurement = identityIdOf('10042');
  const vendorCreate = {
    assignmentId: 'procurement-vendor-create',
    identityId: procurement,
    applicationId: 'erp',
    entitlementKey: 'vendor-create',
  };
  const paymentApprove = {
    assignmentId: 'procurement-payment-approve',
    identityId: procurement,
    applicationId: 'erp',
    entitlementKey: 'payment-approve',
  };
  const admin = () => harness.runtime.administration;
  const queries = () => harness.runtime.queries;
  const recorded = async (identityId: string): Promise<RecordedEvent[]> => harness.store.readStream(sodViolationsStreamId(identityId));
  const summary = (events: readonly RecordedEvent[]) =>
    events.map(
      (event) => `${event.type} ${(event.data as { ruleId: string }).ruleId} v${(event.data as { policyVersion: number }).policyVersion}`,
    );

  beforeAll(async () => {
    harness = await startPolicyHarness(clock);
    await hire(harness.store, { employeeNumber: '10005', department: 'Finance', title: 'Chief Financial Officer' });
    await hire(harness.store, { employeeNumber: '10037', department: 'Finance', title: 'Finance Manager', managerEmployeeNumber: '10005' });
    await hire(harness.store, {
      employeeNumber: '10042',
      department: 'Finance',
      title: 'Procurement Officer',
      managerEmployeeNumber: '10037',
    });
    await hire(harness.store, { employeeNumber: '10009', department: 'Engineering', title: 'Senior Software Engineer' });
    const demo = JSON.parse(await readFile(path.join(__dirname, '../../demo/demo-policy.json'), 'utf8')) as unknown;
    await admin().replaceDraft(demo, ADMIN);
    await admin().publish('demo policy', ADMIN);
    // Workflow assigns the birthright of version 1: procurement manages vendors.
    await addAssignment(harness.store, {
      ...vendorCreate,
      source: { kind: 'birthright', reference: 'finance-procurement', policyVersion: 1 },
    });
  });
  afterAll(() => harness.stop());

  it('given the demo policy, when it is published, then nobody violates anything', async () => {
    await expect(queries().violations({})).resolves.toEqual([]);
    await expect(queries().sodCheck(procurement)).resolves.toMatchObject({ policyVersion: 1, violations: [] });
  });

  it('given procurement creates vendors, when a version also lets them approve payments, then the violation is detected once', async () => {
    await admin().putBirthrightRule(
      {
        id: 'procurement-approves',
        name: 'Procurement approves payments (a mistake)',
        condition: { op: 'equals', attribute: 'title', value: 'Procurement Officer' },
        roles: ['payment-approval'],
      },
      ADMIN,
    );
    await admin().publish('procurement approves payments', ADMIN);
    // ...and workflow assigns version 2's new birthright.
    await addAssignment(harness.store, {
      ...paymentApprove,
      source: { kind: 'birthright', reference: 'procurement-approves', policyVersion: 2 },
    });

    const violations = await queries().violations({});
    expect(violations).toEqual([
      {
        identityId: procurement,
        employeeNumber: '10042',
        policyVersion: 2,
        detectedAt: expect.any(String),
        violation: expect.objectContaining({
          ruleId: 'finance-vendor-payment',
          action: 'require-exception',
          exception: null,
          blocking: true,
        }),
      },
    ]);
    expect(summary(await recorded(procurement))).toEqual(['SodViolationDetected finance-vendor-payment v2']);
    await expect(queries().violations({ ruleId: 'engineering-deploy-review' })).resolves.toEqual([]);
  });

  it('given the violation, when exceptions are asked for a rule that is not published, a blocking rule or nobody, then they are refused', async () => {
    const request = {
      ruleId: 'finance-vendor-payment',
      identityId: procurement,
      reason: 'interim cover',
      validUntil: '2026-06-10T08:00:00Z',
    };
    await expect(admin().grantSodException({ ...request, ruleId: 'nope' }, ADMIN)).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin().grantSodException({ ...request, ruleId: 'engineering-deploy-review' }, ADMIN)).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(admin().grantSodException({ ...request, identityId: 'nobody' }, ADMIN)).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin().grantSodException({ ...request, validUntil: '2028-01-01T00:00:00Z' }, ADMIN)).rejects.toMatchObject({
      code: 'validation',
      details: { field: 'validUntil' },
    });
  });

  it('given the violation, when an exception is granted, then it is resolved naming the exception, and the check shows the exception', async () => {
    const exception = await admin().grantSodException(
      { ruleId: 'finance-vendor-payment', identityId: procurement, reason: 'interim cover', validUntil: '2026-06-10T08:00:00Z' },
      ADMIN,
    );
    expect(exception).toEqual({
      exceptionId: expect.any(String),
      ruleId: 'finance-vendor-payment',
      identityId: procurement,
      approvedBy: 'admin-token',
      reason: 'interim cover',
      validUntil: '2026-06-10T08:00:00.000Z',
    });
    await expect(queries().violations({})).resolves.toEqual([]);
    const events = await recorded(procurement);
    expect(events[1]).toMatchObject({
      type: 'SodViolationResolved',
      data: { ruleId: 'finance-vendor-payment', reason: `waived by SoD exception ${exception.exceptionId} until 2026-06-10T08:00:00.000Z` },
    });
    await expect(queries().exceptions({ identityId: procurement })).resolves.toEqual([{ ...exception, status: 'active' }]);
    const check = await queries().sodCheck(procurement);
    expect(check?.violations).toEqual([expect.objectContaining({ ruleId: 'finance-vendor-payment', exception, blocking: false })]);
  });

  it('given the exception, when its validUntil passes, then the expiry is recorded and the violation is detected again', async () => {
    clock.set('2026-06-10T08:00:01Z');
    await waitFor('the violation to be detected again', async () =>
      (await queries().violations({ identityId: procurement })).length === 1 ? true : undefined,
    );
    expect(summary(await recorded(procurement))).toEqual([
      'SodViolationDetected finance-vendor-payment v2',
      'SodViolationResolved finance-vendor-payment v2',
      'SodViolationDetected finance-vendor-payment v2',
    ]);
    const [expired] = await queries().exceptions({ identityId: procurement, includeInactive: true });
    expect(expired?.status).toBe('expired');
    await expect(admin().revokeSodException(expired!.exceptionId, 'too late', ADMIN)).rejects.toMatchObject({ code: 'illegal_state' });
  });

  it('given the violation, when the person moves to Sales, then it is resolved: the entitlements are no longer held together', async () => {
    await move(harness.store, '10042', { department: 'Sales', title: 'Account Executive' });
    // Workflow's mover revokes the birthright that no longer applies.
    await revokeAssignment(harness.store, vendorCreate, 'no-longer-birthright');
    await revokeAssignment(harness.store, paymentApprove, 'no-longer-birthright');
    await expect(queries().violations({})).resolves.toEqual([]);
    const events = await recorded(procurement);
    expect(events.at(-1)).toMatchObject({
      type: 'SodViolationResolved',
      data: { reason: 'the conflicting entitlements are no longer held together (policy version 2)' },
    });
  });

  it('given everything checked, when the service restarts and the log is read again from the start, then nothing is recorded twice', async () => {
    const before = (await recorded(procurement)).length;
    await harness.restart();
    await harness.database.pool.query(`DELETE FROM tenure_checkpoints WHERE subscription_id = 'policy-detective-sod'`);
    await harness.restart();
    await harness.runtime.violationsCaughtUp();
    expect(await recorded(procurement)).toHaveLength(before);
    const { rows } = await harness.database.pool.query(
      `SELECT count(*)::int AS n FROM tenure_events WHERE stream_id LIKE 'sod-violations-%'`,
    );
    expect(rows[0].n).toBe(before);
  });

  it('given an active exception, when revoked twice, then the second revocation is an illegal state', async () => {
    await move(harness.store, '10042', { department: 'Finance', title: 'Procurement Officer' });
    await addAssignment(harness.store, { ...vendorCreate, assignmentId: 'procurement-vendor-create-2' });
    await addAssignment(harness.store, { ...paymentApprove, assignmentId: 'procurement-payment-approve-2' });
    await expect(queries().violations({ identityId: procurement })).resolves.toHaveLength(1);
    const exception = await admin().grantSodException(
      { ruleId: 'finance-vendor-payment', identityId: procurement, reason: 'cover again', validUntil: '2026-07-10T08:00:00Z' },
      ADMIN,
    );
    await expect(queries().violations({ identityId: procurement })).resolves.toEqual([]);
    await admin().revokeSodException(exception.exceptionId, 'cover ended', ADMIN);
    await expect(admin().revokeSodException(exception.exceptionId, 'again', ADMIN)).rejects.toMatchObject({ code: 'illegal_state' });
    await expect(queries().violations({ identityId: procurement })).resolves.toHaveLength(1);
    await expect(queries().exceptions({ identityId: procurement })).resolves.toEqual([]);
  });
});
