import type { RecordedEvent } from '@tenure/event-sourcing';
import { ADMIN_TOKEN_ACTOR, personCaller, type Caller } from '@tenure/service-runtime';
import { addAssignment, hire, identityIdOf, move, terminate, TestClock, waitFor, type TestPerson } from '@tenure/testing';
import { annotateEntitlement, discoverEntitlement, registerApplication } from '../../testing/catalog-events';
import { startWorkflowHarness, type WorkflowHarness } from '../../testing/workflow-harness';
import { assignmentsStreamId } from '../workflow-streams';
import { reviewCampaignStreamId } from './review-streams';

const ADMIN: Caller = { kind: 'administrator', actor: ADMIN_TOKEN_ACTOR };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Access reviews on PostgreSQL: people and their assignments are appended as the identity service
// and workflow itself record them; campaigns run through the service, the timers and the followers.
describe('access reviews on PostgreSQL', () => {
  const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
  let harness: WorkflowHarness;
  const reviews = () => harness.runtime.reviews.campaigns;

  const settled = async () => {
    await harness.runtime.readModelsCaughtUp();
    await harness.runtime.reviews.processesCaughtUp();
    await harness.runtime.readModelsCaughtUp();
  };
  const person = async (employeeNumber: string, managerEmployeeNumber: string | null = null) => {
    const subject: TestPerson = { employeeNumber, department: 'Finance', managerEmployeeNumber };
    await hire(harness.store, subject);
  };
  const grant = (
    assignmentId: string,
    employeeNumber: string,
    applicationId: string,
    entitlementKey: string,
    kind: 'request' | 'birthright' = 'request',
  ) =>
    addAssignment(harness.store, {
      assignmentId,
      identityId: identityIdOf(employeeNumber),
      applicationId,
      entitlementKey,
      source: { kind, reference: `${kind}-${assignmentId}`, policyVersion: 1 },
    });
  const revocations = async (employeeNumber: string): Promise<RecordedEvent[]> =>
    (await harness.store.readStream(assignmentsStreamId(identityIdOf(employeeNumber)))).filter(
      (event) => event.type === 'AssignmentRevoked',
    );
  const statusOf = async (assignmentId: string) => {
    const { rows } = await harness.database.pool.query<{ status: string; revocation_reason: string | null }>(
      'SELECT status, revocation_reason FROM workflow_assignments WHERE assignment_id = $1',
      [assignmentId],
    );
    return rows[0];
  };

  beforeAll(async () => {
    harness = await startWorkflowHarness(clock);
    // Maria (1001) manages Alice (2001) and Bob (2002); Carl (3001) reports to Alice.
    await person('1001');
    await person('2001', '1001');
    await person('2002', '1001');
    await person('3001', '2001');
    await settled();
  });
  afterAll(() => harness.stop());

  it('given an application held by three people, when a manager campaign runs to the end, then revoke decisions are executed with reason review', async () => {
    await grant('erp-alice', '2001', 'erp', 'create-vendor');
    await grant('erp-bob', '2002', 'erp', 'approve-payment');
    await grant('erp-maria', '1001', 'erp', 'admin');
    await grant('crm-alice', '2001', 'crm', 'user');
    await settled();

    const campaign = await reviews().start(ADMIN, {
      name: 'ERP Q2',
      scope: { kind: 'application', applicationId: 'erp' },
      reviewer: 'manager',
    });
    expect(campaign).toMatchObject({
      name: 'ERP Q2',
      status: 'open',
      defaultAction: 'revoke',
      reminderIntervalHours: 24,
      deadline: new Date(clock.now().getTime() + 14 * DAY),
      progress: { total: 3, decided: 0, pending: 3 },
    });
    const items = await reviews().items(campaign.campaignId, { status: null, first: null });
    expect(
      items.map(
        (item) =>
          `${item.employeeNumber} ${item.applicationId}/${item.entitlementKey} -> ${item.reviewer.kind === 'person' ? item.reviewer.employeeNumber : 'administrators'}`,
      ),
    ).toEqual(['1001 erp/admin -> administrators', '2001 erp/create-vendor -> 1001', '2002 erp/approve-payment -> 1001']);
    const itemOf = (employeeNumber: string) => items.find((item) => item.employeeNumber === employeeNumber)!.itemId;

    // Refusals: the subject, someone else, a revocation without a reason.
    await expect(reviews().decide(personCaller('2002'), { itemId: itemOf('2002'), decision: 'keep' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(reviews().decide(personCaller('2001'), { itemId: itemOf('2002'), decision: 'keep' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(reviews().decide(personCaller('1001'), { itemId: itemOf('1001'), decision: 'keep' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(reviews().decide(personCaller('1001'), { itemId: itemOf('2002'), decision: 'revoke' })).rejects.toMatchObject({
      code: 'validation',
    });

    const kept = await reviews().decide(personCaller('1001'), { itemId: itemOf('2001'), decision: 'keep', comment: 'still buying' });
    expect(kept).toMatchObject({
      status: 'decided',
      decision: 'keep',
      comment: 'still buying',
      decidedBy: '1001',
      decidedByKind: 'person',
    });
    const bulk = await reviews().decideMany(ADMIN, [
      { itemId: itemOf('1001'), decision: 'keep', comment: 'owner of the ERP' },
      { itemId: itemOf('2002'), decision: 'revoke', comment: 'not an approver' },
    ]);
    expect(bulk).toEqual([
      { itemId: itemOf('1001'), decided: true, error: null },
      { itemId: itemOf('2002'), decided: false, error: { code: 'forbidden', message: `item ${itemOf('2002')} is reviewed by 1001` } },
    ]);
    await reviews().decide(personCaller('1001'), { itemId: itemOf('2002'), decision: 'revoke', comment: 'not an approver' });
    await settled();

    expect(await reviews().campaign(campaign.campaignId)).toMatchObject({
      status: 'closed',
      closeReason: 'all-decided',
      progress: { total: 3, decided: 3, kept: 2, revoked: 1, defaulted: 0, pending: 0 },
    });
    expect(await statusOf('erp-bob')).toMatchObject({ revocation_reason: 'review' });
    expect((await statusOf('erp-alice'))?.revocation_reason).toBeNull();
    const [revoked] = await revocations('2002');
    expect(revoked!.metadata.actor).toEqual({ kind: 'service', id: 'workflow-review-execution' });

    const evidence = await reviews().evidence(campaign.campaignId);
    expect(evidence.map((entry) => `${entry.type} ${entry.actor.id} ${entry.decision ?? ''} ${entry.comment ?? ''}`.trim())).toEqual([
      'ReviewCampaignStarted admin-token',
      'ReviewItemDecided 1001 keep still buying',
      'ReviewItemDecided admin-token keep owner of the ERP',
      'ReviewItemDecided 1001 revoke not an approver',
      'ReviewCampaignClosed 1001',
    ]);
  });

  it('given nobody holds the application, when a campaign is started, then it is refused as empty; a person may not start one', async () => {
    await expect(
      reviews().start(ADMIN, { name: 'Nothing', scope: { kind: 'application', applicationId: 'nowhere' }, reviewer: 'manager' }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: 'nothing to review: no assignment is held in the scope of "Nothing"',
    });
    await expect(
      reviews().start(personCaller('1001'), { name: 'Mine', scope: { kind: 'application', applicationId: 'erp' }, reviewer: 'manager' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it("given a manager campaign, then it covers the manager's direct and indirect reports but not the manager", async () => {
    await grant('wiki-carl', '3001', 'wiki', 'editor');
    await settled();
    const campaign = await reviews().start(ADMIN, {
      name: 'Maria team',
      scope: { kind: 'manager', managerEmployeeNumber: '1001' },
      reviewer: 'manager',
    });
    const items = await reviews().items(campaign.campaignId, { status: null, first: null });
    expect(items.map((item) => `${item.employeeNumber} ${item.applicationId}`)).toEqual(['2001 crm', '2001 erp', '3001 wiki']);
    expect(items.find((item) => item.employeeNumber === '3001')!.reviewer).toEqual({ kind: 'person', employeeNumber: '2001' });
  });

  it('given undecided items, when the deadline passes while the service restarts, then they are revoked exactly once; reminders were recorded before', async () => {
    await grant('vpn-alice', '2001', 'vpn', 'user');
    await grant('vpn-bob', '2002', 'vpn', 'user');
    await grant('vpn-carl', '3001', 'vpn', 'user');
    await settled();
    const deadline = new Date(clock.now().getTime() + 3 * DAY);
    const campaign = await reviews().start(ADMIN, {
      name: 'VPN',
      scope: { kind: 'entitlement', applicationId: 'vpn', entitlementKey: 'user' },
      reviewer: 'manager',
      deadline,
      reminderHours: 24,
    });
    const items = await reviews().items(campaign.campaignId, { status: null, first: null });
    await reviews().decide(personCaller('1001'), { itemId: items[0]!.itemId, decision: 'keep', comment: '' });

    clock.advance(DAY + HOUR);
    const reminded = await waitFor('the first reminder', async () =>
      (await harness.store.readStream(reviewCampaignStreamId(campaign.campaignId))).find((event) => event.type === 'ReviewRemindersSent'),
    );
    expect(reminded.data).toMatchObject({
      reviewers: [
        { reviewer: { kind: 'person', employeeNumber: '1001' }, pending: 1 },
        { reviewer: { kind: 'person', employeeNumber: '2001' }, pending: 1 },
      ],
    });

    await harness.restart();
    clock.set(new Date(deadline.getTime() + 1_000));
    await waitFor('the deadline to close the campaign', async () =>
      (await reviews().campaign(campaign.campaignId))?.status === 'closed' ? true : undefined,
    );
    await settled();
    expect(await reviews().campaign(campaign.campaignId)).toMatchObject({
      closeReason: 'deadline',
      progress: { kept: 1, defaulted: 2, pending: 0 },
    });
    expect(await statusOf('vpn-bob')).toMatchObject({ revocation_reason: 'review' });
    expect(await statusOf('vpn-carl')).toMatchObject({ revocation_reason: 'review' });
    expect((await statusOf('vpn-alice'))?.revocation_reason).toBeNull();

    await harness.restart();
    await settled();
    const bobRevocations = (await revocations('2002')).filter(
      (event) => (event.data as { assignmentId: string }).assignmentId === 'vpn-bob',
    );
    expect(bobRevocations).toHaveLength(1);
    const closes = (await harness.store.readStream(reviewCampaignStreamId(campaign.campaignId))).filter(
      (event) => event.type === 'ReviewCampaignClosed',
    );
    expect(closes).toHaveLength(1);
  });

  it('given a mover holding birthright and requested access, then the new manager reviews the requested access; unconfirmed is revoked at the deadline', async () => {
    await person('4001', '1001');
    await grant('mail-dana', '4001', 'mail', 'mailbox', 'birthright');
    await grant('erp-dana', '4001', 'erp', 'create-vendor');
    await grant('crm-dana', '4001', 'crm', 'user');
    await settled();

    await move(harness.store, '4001', { managerEmployeeNumber: '2002', department: 'Sales' });
    await settled();
    const [mover] = (await reviews().campaigns({ status: 'open', first: 50 })).filter((campaign) => campaign.scope.kind === 'mover');
    expect(mover).toMatchObject({
      scope: { kind: 'mover', identityId: identityIdOf('4001'), newManagerEmployeeNumber: '2002' },
      defaultAction: 'revoke',
    });
    expect(mover!.deadline).toEqual(new Date(clock.now().getTime() + 7 * DAY));
    const items = await reviews().items(mover!.campaignId, { status: null, first: null });
    expect(items.map((item) => `${item.applicationId} -> ${item.reviewer.kind === 'person' ? item.reviewer.employeeNumber : '-'}`)).toEqual(
      ['crm -> 2002', 'erp -> 2002'],
    );

    await reviews().decide(personCaller('2002'), { itemId: items[1]!.itemId, decision: 'keep' });
    clock.advance(7 * DAY + 1_000);
    await waitFor('the mover review deadline', async () =>
      (await reviews().campaign(mover!.campaignId))?.status === 'closed' ? true : undefined,
    );
    await settled();
    expect(await statusOf('crm-dana')).toMatchObject({ revocation_reason: 'review' });
    expect((await statusOf('erp-dana'))?.revocation_reason).toBeNull();
    expect((await statusOf('mail-dana'))?.revocation_reason).toBeNull();
  });

  it('given a mover with nothing but birthright, then no mover review is opened', async () => {
    await person('4002', '1001');
    await grant('mail-eve', '4002', 'mail', 'mailbox', 'birthright');
    await settled();
    await move(harness.store, '4002', { managerEmployeeNumber: '2002' });
    await settled();
    const movers = (await reviews().campaigns({ status: null, first: 50 })).filter(
      (campaign) => campaign.scope.kind === 'mover' && campaign.scope.identityId === identityIdOf('4002'),
    );
    expect(movers).toEqual([]);
  });

  it('given a reviewer and a subject leave, then what the reviewer owed goes to their manager and items about the subject are withdrawn', async () => {
    await person('5001', '1001');
    await person('5002', '5001');
    await person('5003', '5001');
    await grant('bi-5002', '5002', 'bi', 'viewer');
    await grant('bi-5003', '5003', 'bi', 'viewer');
    await settled();
    const campaign = await reviews().start(ADMIN, { name: 'BI', scope: { kind: 'application', applicationId: 'bi' }, reviewer: 'manager' });

    await terminate(harness.store, '5001');
    await settled();
    let items = await reviews().items(campaign.campaignId, { status: null, first: null });
    expect(items.map((item) => [item.employeeNumber, item.reviewer, item.reassignedFrom])).toEqual([
      ['5002', { kind: 'person', employeeNumber: '1001' }, '5001'],
      ['5003', { kind: 'person', employeeNumber: '1001' }, '5001'],
    ]);
    expect(await reviews().itemsOwedBy(personCaller('1001'), 'pending')).toEqual(
      expect.arrayContaining([expect.objectContaining({ employeeNumber: '5002' })]),
    );

    await terminate(harness.store, '5003');
    await settled();
    items = await reviews().items(campaign.campaignId, { status: null, first: null });
    expect(items.map((item) => `${item.employeeNumber} ${item.status}`)).toEqual(['5002 pending', '5003 withdrawn']);
    await reviews().decide(personCaller('1001'), { itemId: items[0]!.itemId, decision: 'keep' });
    expect(await reviews().campaign(campaign.campaignId)).toMatchObject({ status: 'closed', progress: { kept: 1, withdrawn: 1 } });
  });

  it('given a break-glass grant, then a one-item review opens for the owner (administrators when the catalog names none), revoked at its deadline', async () => {
    await grant('prod-bob', '2002', 'prod-db', 'admin');
    await settled();
    const grantedAt = clock.now().toISOString();
    await harness.store.appendToStream('access-request-r-77', [
      {
        type: 'AccessGranted',
        data: {
          requestId: 'r-77',
          identityId: identityIdOf('2002'),
          assignmentId: 'prod-bob',
          breakGlass: true,
          applicationId: 'prod-db',
          entitlementKey: 'admin',
          grantedAt,
        },
        metadata: {
          eventId: 'granted-77',
          correlationId: 'r-77',
          causationId: null,
          actor: { kind: 'person', id: '2002' },
          occurredAt: grantedAt,
        },
      },
    ]);
    await settled();

    const campaign = await reviews().campaign('break-glass-r-77');
    expect(campaign).toMatchObject({
      scope: { kind: 'break-glass', requestId: 'r-77' },
      reviewerRule: 'entitlement-owner',
      defaultAction: 'revoke',
    });
    expect(campaign!.deadline).toEqual(new Date(clock.now().getTime() + DAY));
    const items = await reviews().items('break-glass-r-77', { status: null, first: null });
    expect(items.map((item) => [item.assignmentId, item.reviewer])).toEqual([['prod-bob', { kind: 'administrators' }]]);

    clock.advance(DAY + 1_000);
    await waitFor('the break-glass review deadline', async () =>
      (await reviews().campaign('break-glass-r-77'))?.status === 'closed' ? true : undefined,
    );
    await settled();
    expect(await statusOf('prod-bob')).toMatchObject({ revocation_reason: 'review' });
  });

  it("given an owner rule, then items go to the entitlement's owner, else the application's, else (owner reviewing themselves) the subject's manager", async () => {
    await registerApplication(harness.store, 'hr-suite', '2002');
    await discoverEntitlement(harness.store, 'hr-suite', 'payroll');
    await annotateEntitlement(harness.store, 'hr-suite', 'payroll', { ownerEmployeeNumber: '2001' });
    await discoverEntitlement(harness.store, 'hr-suite', 'viewer');
    await grant('payroll-carl', '3001', 'hr-suite', 'payroll');
    await grant('payroll-alice', '2001', 'hr-suite', 'payroll');
    await grant('viewer-carl', '3001', 'hr-suite', 'viewer');
    await settled();

    const campaign = await reviews().start(ADMIN, {
      name: 'HR suite',
      scope: { kind: 'application', applicationId: 'hr-suite' },
      reviewer: 'entitlement-owner',
    });
    const items = await reviews().items(campaign.campaignId, { status: null, first: null });
    expect(
      items.map((item) => `${item.assignmentId} -> ${item.reviewer.kind === 'person' ? item.reviewer.employeeNumber : 'administrators'}`),
    ).toEqual(['payroll-alice -> 1001', 'payroll-carl -> 2001', 'viewer-carl -> 2002']);
  });
});
