import { addAssignment, hire, identityIdOf, terminate, TestClock } from '@tenure/testing';
import type { Actor } from '@tenure/event-sourcing';
import { grantOperationId } from '../domain/operation';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// A manual (disconnected) application's operations become tasks for its owner, due in the
// application's hours (a leaver's sooner), flagged when overdue, completed by a person.
describe('manual tasks', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  const owner: Actor = { kind: 'person', id: 'owner-10005' };
  const person = identityIdOf('50001');
  const grant = grantOperationId('a-badge');
  const queries = () => harness.runtime.provisioning.queries;
  /** The leaver's disable operation in the application (requested by the planner, maybe not run yet). */
  const disableOf = async (identityId: string, applicationId: string) => {
    const { operations } = await queries().operations({ identityId, applicationId, first: 10 });
    return operations.map(({ operation }) => operation.operation_id).find((id) => id.startsWith('disable.'));
  };
  const taskIds = async (state: 'open' | 'overdue' | 'all', applicationId = 'badges') =>
    (await queries().manualTasks({ applicationId, state, first: 10 })).operations.map(({ operation }) => operation.operation_id);

  beforeAll(async () => {
    harness = await startProvisioningHarness(clock);
    await harness.register({
      applicationId: 'badges',
      name: 'Badge system',
      connectorType: 'manual',
      settings: { taskDueHours: 48, leaverTaskDueHours: 8 },
      ownerEmployeeNumber: '10005',
    });
    await hire(harness.store, { employeeNumber: '50001', department: 'Facilities' });
  });
  afterAll(() => harness.stop());

  it('given a manual application, when an assignment is added, then a task is opened for its owner, due in 48 hours', async () => {
    await addAssignment(harness.store, {
      assignmentId: 'a-badge',
      identityId: person,
      applicationId: 'badges',
      entitlementKey: 'building-a',
    });
    await harness.settled();
    await harness.waitForStatus(grant, 'awaiting-person');

    expect(await queries().operation(grant)).toMatchObject({
      status: 'awaiting-person',
      task_owner: '10005',
      task_instructions:
        'Grant building-a to Given50001 Person (50001) in Badge system, to the account p50001: create it first if there is none, enable it if it is disabled.',
      task_due_at: new Date('2026-05-12T08:00:00Z'),
    });
    expect(await taskIds('open')).toEqual([grant]);
    expect(await taskIds('overdue')).toEqual([]);
  });

  it('given an open task, when its due time passes, then it is flagged overdue', async () => {
    clock.advance(49 * 3_600_000);
    expect(await taskIds('overdue')).toEqual([grant]);
  });

  it('given an open task, when the owner completes it with a note, then the grant is recorded as done by them through the task', async () => {
    await harness.runtime.provisioning.administration.completeManualTask(grant, 'badge printed', owner);
    await harness.waitForStatus(grant, 'succeeded');

    const [, , done] = await harness.store.readStream(`operation-${grant}`);
    expect(done).toMatchObject({
      type: 'EntitlementGranted',
      data: { operationId: grant, via: 'manual-task', completedBy: 'owner-10005', note: 'badge printed', entitlementKey: 'building-a' },
    });
    expect(await taskIds('open')).toEqual([]);
    expect(await taskIds('all')).toEqual([grant]);
    await expect(queries().grants(person)).resolves.toEqual([
      expect.objectContaining({ application_id: 'badges', entitlement_key: 'building-a' }),
    ]);
    await expect(harness.runtime.provisioning.administration.completeManualTask(grant, 'again', owner)).rejects.toMatchObject({
      code: 'illegal_state',
    });
  });

  it('given a leaver with access in the manual application, when terminated, then a disable task is due in 8 hours', async () => {
    await terminate(harness.store, '50001');
    await harness.settled();
    const disable = await disableOf(person, 'badges');
    await harness.waitForStatus(disable!, 'awaiting-person');

    expect(await queries().operation(disable!)).toMatchObject({
      action: 'disable-account',
      priority: 'leaver',
      task_instructions: 'Disable the account of Given50001 Person (50001) in Badge system (account p50001).',
      task_due_at: new Date(clock.now().getTime() + 8 * 3_600_000),
    });
  });

  it('given a connector that cannot disable accounts, when a person leaves, then a task covers what it cannot do', async () => {
    await harness.registerSimulated('legacy-crm', { entitlements: ['user'], capabilities: { disableAccount: false } });
    const identityId = await hire(harness.store, { employeeNumber: '50002', department: 'Sales' });
    await addAssignment(harness.store, { assignmentId: 'a-crm', identityId, applicationId: 'legacy-crm', entitlementKey: 'user' });
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-crm'), 'succeeded');

    await terminate(harness.store, '50002');
    await harness.settled();
    const disable = await disableOf(identityId, 'legacy-crm');
    expect(disable).toMatch(/^disable\.legacy-crm\./);
    await harness.waitForStatus(disable!, 'awaiting-person');
    expect((await queries().operation(disable!))?.task_instructions).toContain(
      'Disable the account of Given50002 Person (50002) in legacy-crm',
    );
  });
});
