import type { RecordedEvent } from '@tenure/event-sourcing';
import { TestClock } from '@tenure/testing';
import { validExceptionsOf } from '../../read-model/workflow-sod-exceptions';
import { hireAndActivate, identityIdOf, move } from '../../testing/identity-events';
import { publishPolicy } from '../../testing/policy-events';
import { grantSodException, revokeSodException } from '../../testing/sod-exception-events';
import { startWorkflowHarness, type WorkflowHarness } from '../../testing/workflow-harness';
import { assignmentsStreamId } from '../workflow-streams';

const erp = (entitlement: string) => ({ application: 'erp', entitlement });
const sodSets = (first: string, second: string) => [
  { name: `Holds ${first}`, entitlements: [erp(first)], roles: [] },
  { name: `Holds ${second}`, entitlements: [erp(second)], roles: [] },
];

/** Payments approve payments, Audit releases them, Buyers create vendors: creating and approving is blocked, creating and releasing needs an exception. */
const SOD_POLICY = {
  roles: [],
  birthrightRules: [
    {
      id: 'payments',
      name: 'Payments',
      condition: { op: 'equals', attribute: 'department', value: 'Payments' },
      entitlements: [erp('payment-approve')],
    },
    {
      id: 'audit',
      name: 'Audit',
      condition: { op: 'equals', attribute: 'department', value: 'Audit' },
      entitlements: [erp('payment-release')],
    },
    { id: 'buyers', name: 'Buyers', condition: { op: 'equals', attribute: 'title', value: 'Buyer' }, entitlements: [erp('vendor-create')] },
  ],
  sodRules: [
    {
      id: 'vendor-approve',
      name: 'Vendors vs approvals',
      severity: 'critical',
      action: 'block',
      sets: sodSets('vendor-create', 'payment-approve'),
    },
    {
      id: 'vendor-release',
      name: 'Vendors vs releases',
      severity: 'high',
      action: 'require-exception',
      sets: sodSets('vendor-create', 'payment-release'),
    },
  ],
  accessPolicies: [],
  approverGroups: [],
};

// Preventive SoD in the birthright process on PostgreSQL: the mover's new birthright goes through the SoD gate.
describe('preventive SoD for birthright', () => {
  const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
  let harness: WorkflowHarness;

  const settled = () => harness.runtime.assignmentsCaughtUp();
  const held = async (employeeNumber: string): Promise<string[]> => {
    await settled();
    const views = await harness.runtime.queries.forIdentity(identityIdOf(employeeNumber), { includeRevoked: false });
    return views.map((view) => `${view.applicationId}/${view.entitlementKey}`);
  };
  const recorded = async (employeeNumber: string): Promise<RecordedEvent[]> => {
    await settled();
    return harness.store.readStream(assignmentsStreamId(identityIdOf(employeeNumber)));
  };
  const openBlocks = async () => {
    await settled();
    return (await harness.runtime.blockedAssignments.open(50)).map(
      (block) =>
        `${block.employeeNumber} ${block.applicationId}/${block.entitlementKey} ${block.rules.map((rule) => rule.ruleId).join(',')}`,
    );
  };

  beforeAll(async () => {
    harness = await startWorkflowHarness(clock);
    await publishPolicy(harness.store, 1, SOD_POLICY);
    await settled();
  });
  afterAll(() => harness.stop());

  it('given someone approving payments, when they move to a job whose birthright creates vendors (a block rule), then it is raised, not assigned', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '2001', department: 'Payments', title: 'Clerk' });
    expect(await held('2001')).toEqual(['erp/payment-approve']);

    await move(harness.store, '2001', { title: 'Buyer' });

    expect(await held('2001')).toEqual(['erp/payment-approve']);
    const blocked = (await recorded('2001')).filter((event) => event.type === 'AssignmentBlocked');
    expect(blocked.map((event) => event.data)).toEqual([
      {
        identityId: identityIdOf('2001'),
        applicationId: 'erp',
        entitlementKey: 'vendor-create',
        source: { kind: 'birthright', reference: 'buyers', policyVersion: 1 },
        rules: [{ ruleId: 'vendor-approve', ruleName: 'Vendors vs approvals', explanation: expect.stringContaining('blocked') }],
        blockedAt: '2026-06-01T09:00:00.000Z',
      },
    ]);
    expect(await openBlocks()).toEqual(['2001 erp/vendor-create vendor-approve']);

    // Evaluated again (a new version, the same rules): raised once while the block stands.
    await publishPolicy(harness.store, 2, SOD_POLICY);
    await settled();
    expect((await recorded('2001')).filter((event) => event.type === 'AssignmentBlocked')).toHaveLength(1);
  });

  it('given a block, when the entitlement stops being birthright, then it is no longer open', async () => {
    await move(harness.store, '2001', { title: 'Clerk' });

    expect(await openBlocks()).toEqual([]);
    expect(await held('2001')).toEqual(['erp/payment-approve']);
  });

  it('given a require-exception block, when an exception is granted for the identity, then the birthright is assigned and the block closes', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '2002', department: 'Audit', title: 'Clerk' });
    expect(await held('2002')).toEqual(['erp/payment-release']);
    await move(harness.store, '2002', { title: 'Buyer' });
    expect(await held('2002')).toEqual(['erp/payment-release']);
    expect(await openBlocks()).toEqual(['2002 erp/vendor-create vendor-release']);

    await grantSodException(harness.store, {
      exceptionId: 'exception-1',
      identityId: identityIdOf('2002'),
      ruleId: 'vendor-release',
      validUntil: '2026-07-01T00:00:00.000Z',
    });

    expect(await held('2002')).toEqual(['erp/payment-release', 'erp/vendor-create']);
    expect(await openBlocks()).toEqual([]);
    const addition = (await recorded('2002')).find(
      (event) => event.type === 'AssignmentAdded' && (event.data as { entitlementKey: string }).entitlementKey === 'vendor-create',
    );
    expect(addition?.metadata.actor).toEqual({ kind: 'service', id: 'workflow-birthright' });
  });

  it('given a joiner whose birthright alone combines two entitlements of a block rule, when activated, then both are raised and neither assigned', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '2004', department: 'Payments', title: 'Buyer' });

    expect(await held('2004')).toEqual([]);
    expect((await openBlocks()).filter((block) => block.startsWith('2004'))).toEqual([
      '2004 erp/payment-approve vendor-approve',
      '2004 erp/vendor-create vendor-approve',
    ]);
  });

  it('given exceptions granted, revoked and past their end, when the valid ones are asked, then only the granted one still running is', async () => {
    const identityId = identityIdOf('2003');
    await grantSodException(harness.store, {
      exceptionId: 'exception-2',
      identityId,
      ruleId: 'vendor-release',
      validUntil: '2026-07-01T00:00:00.000Z',
    });
    await grantSodException(harness.store, {
      exceptionId: 'exception-3',
      identityId,
      ruleId: 'vendor-release',
      validUntil: '2026-07-01T00:00:00.000Z',
    });
    await grantSodException(harness.store, {
      exceptionId: 'exception-4',
      identityId,
      ruleId: 'vendor-release',
      validUntil: '2026-06-01T09:00:00.000Z',
    });
    await revokeSodException(harness.store, 'exception-3');
    await harness.runtime.readModelsCaughtUp();

    expect((await validExceptionsOf(harness.database.pool, identityId, clock.now())).map((exception) => exception.exceptionId)).toEqual([
      'exception-2',
    ]);
  });
});
