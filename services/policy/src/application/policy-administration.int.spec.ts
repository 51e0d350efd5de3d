import { EMPTY_POLICY_SET } from '@tenure/policy-decisions';
import { emailRole, everyoneGetsEmail, smallPolicy, vendorPaymentRule } from '../domain/testing/policy-fixtures';
import { addAssignment, hire, identityIdOf } from '@tenure/testing';
import { ADMIN, startPolicyHarness, TestClock, type PolicyHarness } from '../testing/policy-harness';

describe('policy administration and queries on PostgreSQL', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: PolicyHarness;
  const admin = () => harness.runtime.administration;
  const queries = () => harness.runtime.queries;

  beforeAll(async () => {
    harness = await startPolicyHarness(clock);
  });
  afterAll(() => harness.stop());

  it('given nothing, when the draft is read, then it is empty, based on no version, unchanged; there is no version', async () => {
    await expect(queries().draft()).resolves.toEqual({
      policy: EMPTY_POLICY_SET,
      basedOnVersion: null,
      changed: false,
      changedAt: null,
      changedBy: null,
    });
    await expect(queries().latestVersion()).resolves.toBeNull();
    await expect(queries().versions()).resolves.toEqual([]);
  });

  it('given a document with mistakes, when it replaces the draft, then it is refused naming each rule and field, and nothing is recorded', async () => {
    const broken = { ...smallPolicy, sodRules: [{ ...vendorPaymentRule, sets: [vendorPaymentRule.sets[0]] }], roles: [] };
    const refusal = await admin()
      .replaceDraft(broken, ADMIN)
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/^the policy document is not valid: /),
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ kind: 'sodRule', id: 'vendor-payment', field: 'sets' }),
          expect.objectContaining({ kind: 'birthrightRule', id: 'everyone-email', field: 'roles[0]' }),
        ]),
      },
    });
    expect(await harness.store.readStream('policy-set')).toEqual([]);
  });

  it('given a valid document, when it replaces the draft and is edited, then the draft shows it with who changed it and when', async () => {
    const replaced = await admin().replaceDraft(smallPolicy, ADMIN);
    expect(replaced).toMatchObject({
      basedOnVersion: null,
      changed: true,
      changedBy: 'admin-token',
      changedAt: '2026-05-10T08:00:00.000Z',
    });

    const edited = await admin().putRole(
      { id: 'chat', name: 'Chat', entitlements: [{ application: 'slack', entitlement: 'member' }] },
      ADMIN,
    );
    // Defaults are filled in by the validation (an empty description).
    expect(edited.policy.roles).toEqual([
      emailRole,
      { id: 'chat', name: 'Chat', description: '', entitlements: [{ application: 'slack', entitlement: 'member' }] },
    ]);
    await expect(queries().draft()).resolves.toEqual(edited);
  });

  it('given a role a rule uses, when it is removed, then it is refused with the rule and field; an unknown one is not found', async () => {
    await expect(admin().removeRole('email', ADMIN)).rejects.toMatchObject({
      code: 'validation',
      details: { problems: [expect.objectContaining({ kind: 'birthrightRule', id: 'everyone-email', field: 'roles[0]' })] },
    });
    await expect(admin().removeAccessPolicy('nope', ADMIN)).rejects.toMatchObject({
      code: 'not_found',
      message: 'access policy "nope" is not in the draft',
    });
    await expect(
      admin().putBirthrightRule({ ...everyoneGetsEmail, condition: { op: 'equals', attribute: 'shoeSize', value: '42' } }, ADMIN),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('everyone-email'),
    });
  });

  it('given a changed draft, when published twice, then version 1 exists and the second is refused: nothing to publish', async () => {
    const version = await admin().publish('first policy', ADMIN);
    expect(version).toMatchObject({
      version: 1,
      note: 'first policy',
      publishedBy: 'admin-token',
      publishedAt: '2026-05-10T08:00:00.000Z',
    });
    await expect(admin().publish('again', ADMIN)).rejects.toMatchObject({
      code: 'illegal_state',
      message: 'nothing to publish: the draft is the same as version 1',
    });
    await expect(queries().latestVersion()).resolves.toEqual(version);
    await expect(queries().version(1)).resolves.toEqual(version);
    await expect(queries().version(2)).resolves.toBeNull();
    await expect(queries().draft()).resolves.toMatchObject({ basedOnVersion: 1, changed: false, changedAt: null });
  });

  it('given version 1, when the draft is edited, discarded, edited and published, then versions are listed newest first', async () => {
    await admin().removeSodRule('vendor-payment', ADMIN);
    await expect(admin().discardDraft(ADMIN)).resolves.toMatchObject({ changed: false, basedOnVersion: 1 });
    await admin().removeSodRule('vendor-payment', ADMIN);
    clock.set('2026-05-11T08:00:00Z');
    await admin().publish('no SoD yet', ADMIN);
    await expect(queries().versions()).resolves.toEqual([
      { version: 2, publishedAt: '2026-05-11T08:00:00.000Z', publishedBy: 'admin-token', note: 'no SoD yet' },
      { version: 1, publishedAt: '2026-05-10T08:00:00.000Z', publishedBy: 'admin-token', note: 'first policy' },
    ]);
  });

  it('given people and a published version, when birthright and a request are asked about, then they are answered with reasons', async () => {
    const identityId = await hire(harness.store, { employeeNumber: '2001', department: 'Engineering' });
    await hire(harness.store, { employeeNumber: '2002', department: 'Engineering', managerEmployeeNumber: '2001' });
    const report = await queries().subjectByEmployeeNumber('2002');
    expect(report).toMatchObject({ employeeNumber: '2002', managerEmployeeNumber: '2001', managerChain: ['2001'], status: 'active' });

    const birthright = await queries().birthright(identityId);
    expect(birthright).toMatchObject({
      policyVersion: 2,
      identityId,
      entitlements: [
        {
          entitlement: { application: 'google-workspace', entitlement: 'mailbox' },
          reasons: [expect.objectContaining({ ruleId: 'everyone-email', roleId: 'email' })],
        },
      ],
    });
    await expect(queries().birthright('nobody')).resolves.toBeNull();

    const decision = await queries().evaluateRequest({
      identityId: report!.identityId,
      requesterEmployeeNumber: '2001',
      entitlement: { application: 'aws-production', entitlement: 'deploy' },
      durationHours: 8,
      breakGlass: false,
    });
    expect(decision).toMatchObject({
      policyVersion: 2,
      allowed: true,
      policyId: 'production',
      maxDurationHours: 4,
      grantedDurationHours: 4,
    });
    await expect(
      queries().evaluateRequest({
        identityId: 'nobody',
        requesterEmployeeNumber: '1',
        entitlement: { application: 'a', entitlement: 'b' },
        durationHours: null,
        breakGlass: false,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('given a draft that adds a rule, when simulated, then the additions are counted per rule over current identities', async () => {
    await admin().putBirthrightRule(
      {
        id: 'engineering-chat',
        name: 'Engineering: chat',
        condition: { op: 'equals', attribute: 'department', value: 'Engineering' },
        entitlements: [{ application: 'slack', entitlement: 'member' }],
      },
      ADMIN,
    );
    const simulation = await queries().simulateDraft();
    expect(simulation).toMatchObject({ currentVersion: 2, identities: 2, added: 2, removed: 0 });
    expect(simulation.perRule).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'engineering-chat', added: 2 })]));
    expect(simulation.affected.map((identity) => identity.employeeNumber)).toEqual(['2001', '2002']);
  });

  it('given an access policy with auto-approval by peer share, when a request is evaluated, then the peers are counted from what they hold', async () => {
    await hire(harness.store, { employeeNumber: '2003', department: 'Design', title: 'Designer' });
    await hire(harness.store, { employeeNumber: '2004', department: 'Design', title: 'Designer' });
    const requester = await hire(harness.store, { employeeNumber: '2005', department: 'Design', title: 'Design Intern' });
    await admin().putBirthrightRule(
      {
        id: 'designers-figma',
        name: 'Designers: Figma',
        condition: { op: 'equals', attribute: 'title', value: 'Designer' },
        entitlements: [{ application: 'figma', entitlement: 'editor' }],
      },
      ADMIN,
    );
    await admin().putAccessPolicy(
      {
        id: 'figma',
        name: 'Figma: auto-approved when most of the department has it',
        scope: { kind: 'application', application: 'figma' },
        approvalChain: [{ kind: 'manager' }],
        autoApproval: { maxRisk: 'low', minPeerShare: 0.5, peerGroup: 'department' },
        risk: 'low',
      },
      ADMIN,
    );
    await admin().publish('figma', ADMIN);
    // What the designers hold is what workflow assigned them: their birthright.
    for (const employeeNumber of ['2003', '2004']) {
      await addAssignment(harness.store, {
        assignmentId: `figma-${employeeNumber}`,
        identityId: identityIdOf(employeeNumber),
        applicationId: 'figma',
        entitlementKey: 'editor',
      });
    }

    const decision = await queries().evaluateRequest({
      identityId: requester,
      requesterEmployeeNumber: '2005',
      entitlement: { application: 'figma', entitlement: 'editor' },
      durationHours: null,
      breakGlass: false,
    });
    expect(decision).toMatchObject({ allowed: true, policyId: 'figma', autoApproved: true });
    expect(decision.autoApprovalReasons.join(' ')).toMatch(/2 of 2/);
  });
});
