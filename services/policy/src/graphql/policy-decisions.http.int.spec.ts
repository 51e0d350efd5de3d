import { PolicyServiceHarness } from './testing/policy-service-harness';
import { PEOPLE, TEST_POLICY, TYPED_EDITS } from './testing/test-policy';

// Decisions over HTTP under a published version 1 of the test policy: birthright and SoD on the
// identity entity (as the gateway asks, through _entities), request evaluation, exceptions and
// detective SoD.

const DECISION_FIELDS = `policyVersion identityId allowed reasons policyId policyName risk maxDurationHours grantedDurationHours
  approvalChain { step { kind group approvals } description } autoApproved autoApprovalReasons breakGlass entitlement { key }
  sodConflicts { ruleId ruleName severity action blocking explanation conflicting { setName entitlements { key } } exception { id status } }`;

type Answer = Record<string, unknown>;

describe('policy decisions over the policy subgraph', () => {
  // The setup starts the service and publishes a policy: on a shared, busy machine that takes more than Jest's 5 s.
  jest.setTimeout(30_000);
  let policy: PolicyServiceHarness;

  beforeAll(async () => {
    policy = await PolicyServiceHarness.start(Object.values(PEOPLE));
    await policy.ok('mutation ($document: JSON!) { replacePolicyDraft(document: $document) { changed } }', { document: TEST_POLICY });
    await policy.ok(TYPED_EDITS);
    await policy.ok('mutation { publishPolicyDraft(note: "test policy") { version } }');
    // Workflow assigns everyone their birthright: that is what policy takes them to hold.
    await policy.assignBirthright(Object.values(PEOPLE));
  });

  afterAll(async () => {
    await policy?.close();
  });

  const evaluate = (identityId: string, application: string, entitlement: string, durationHours: number | null = null) =>
    policy
      .ok<{ evaluateAccessRequest: Answer & { sodConflicts: Answer[] } }>(
        `query ($identityId: ID!, $application: String!, $entitlement: String!, $durationHours: Float) {
        evaluateAccessRequest(identityId: $identityId, application: $application, entitlement: $entitlement, durationHours: $durationHours) { ${DECISION_FIELDS} } }`,
        { identityId, application, entitlement, durationHours },
      )
      .then((data) => data.evaluateAccessRequest);

  it('given version 1, then an identity’s birthright (through _entities, as the gateway asks) lists each entitlement with the rules and roles that grant it', async () => {
    const identity = await policy.identity(
      PEOPLE.carol.identityId,
      'birthright { policyVersion identityId entitlements { entitlement { application entitlement key } reasons { ruleId ruleName roleId roleName matched } } }',
    );
    const birthright = identity['birthright'] as {
      policyVersion: number;
      entitlements: { entitlement: { key: string }; reasons: { matched: string[] }[] }[];
    };

    expect(birthright.policyVersion).toBe(1);
    expect(birthright.entitlements.map((granted) => granted.entitlement.key)).toEqual([
      'chat:member',
      'github:approve-code-change',
      'github:org-member',
      'mail:mailbox',
      'staging:deploy',
    ]);
    const orgMember = birthright.entitlements.find((granted) => granted.entitlement.key === 'github:org-member')!;
    expect(orgMember.reasons).toEqual([
      {
        ruleId: 'engineering',
        ruleName: 'Engineering',
        roleId: 'engineering-tools',
        roleName: 'Engineering tools',
        matched: [expect.stringContaining('Engineering')],
      },
    ]);
    const review = birthright.entitlements.find((granted) => granted.entitlement.key === 'github:approve-code-change')!;
    expect(review.reasons[0]?.matched.join(' ')).toContain('Senior');
  });

  it('given version 1, when a request is evaluated, then it is allowed with its chain and capped duration, or refused for a SoD conflict', async () => {
    const allowed = await evaluate(PEOPLE.bob.identityId, 'aws', 'production-admin', 8);
    expect(allowed).toMatchObject({
      policyVersion: 1,
      identityId: PEOPLE.bob.identityId,
      allowed: true,
      policyId: 'production-access',
      policyName: 'Production access',
      risk: 'HIGH',
      maxDurationHours: 4,
      grantedDurationHours: 4,
      autoApproved: false,
      breakGlass: false,
      entitlement: { key: 'aws:production-admin' },
      sodConflicts: [],
    });
    expect((allowed['approvalChain'] as { step: { kind: string } }[]).map((one) => one.step.kind)).toEqual([
      'MANAGER',
      'ENTITLEMENT_OWNER',
    ]);
    expect((allowed['reasons'] as string[]).length).toBeGreaterThan(0);

    const refused = await evaluate(PEOPLE.dan.identityId, 'erp', 'approve-payment');
    expect(refused).toMatchObject({ allowed: false, policyId: 'erp' });
    expect(refused['approvalChain']).toEqual([
      { step: { kind: 'MANAGER', group: null, approvals: 1 }, description: expect.any(String) },
      { step: { kind: 'GROUP', group: 'finance-controllers', approvals: 2 }, description: expect.any(String) },
    ]);
    expect(refused.sodConflicts).toEqual([
      expect.objectContaining({
        ruleId: 'finance-vendor-payment',
        action: 'BLOCK',
        severity: 'CRITICAL',
        blocking: true,
        exception: null,
        conflicting: [
          { setName: 'create vendor', entitlements: [{ key: 'erp:create-vendor' }] },
          { setName: 'approve payment', entitlements: [{ key: 'erp:approve-payment' }] },
        ],
      }),
    ]);

    const onTheIdentity = await policy.identity(
      PEOPLE.bob.identityId,
      'evaluateAccessRequest(application: "aws", entitlement: "production-admin") { allowed grantedDurationHours }',
    );
    expect(onTheIdentity['evaluateAccessRequest']).toEqual({ allowed: true, grantedDurationHours: 4 });
  });

  it('given a conflict that requires an exception, when an administrator grants one, then the request is allowed with the exception named, until it is revoked', async () => {
    const before = await evaluate(PEOPLE.carol.identityId, 'aws', 'production-admin', 2);
    expect(before).toMatchObject({
      allowed: false,
      sodConflicts: [expect.objectContaining({ ruleId: 'engineering-deploy-review', blocking: true })],
    });

    const validUntil = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const { grantSodException } = await policy.ok<{
      grantSodException: { id: string; status: string; approvedBy: string; validUntil: string };
    }>(
      `mutation ($identityId: ID!, $validUntil: DateTimeISO!) {
        grantSodException(ruleId: "engineering-deploy-review", identityId: $identityId, reason: "on-call lead", validUntil: $validUntil) { id ruleId identityId approvedBy reason validUntil status } }`,
      { identityId: PEOPLE.carol.identityId, validUntil },
    );
    expect(grantSodException).toMatchObject({ status: 'ACTIVE', approvedBy: 'admin-token', validUntil });

    const after = await evaluate(PEOPLE.carol.identityId, 'aws', 'production-admin', 2);
    expect(after).toMatchObject({ allowed: true });
    expect(after.sodConflicts).toEqual([
      expect.objectContaining({
        ruleId: 'engineering-deploy-review',
        blocking: false,
        exception: { id: grantSodException.id, status: 'ACTIVE' },
      }),
    ]);
    const listed = await policy.ok<{ sodExceptions: { id: string }[] }>(
      `{ sodExceptions(identityId: "${PEOPLE.carol.identityId}") { id } }`,
    );
    expect(listed.sodExceptions).toEqual([{ id: grantSodException.id }]);

    await policy.ok(`mutation { revokeSodException(id: "${grantSodException.id}", reason: "rotation ended") }`);
    const revoked = await policy.ok<{ active: unknown[]; all: { id: string; status: string }[] }>(
      `{ active: sodExceptions(identityId: "${PEOPLE.carol.identityId}") { id } all: sodExceptions(identityId: "${PEOPLE.carol.identityId}", includeInactive: true) { id status } }`,
    );
    expect(revoked).toEqual({ active: [], all: [{ id: grantSodException.id, status: 'REVOKED' }] });
  });

  it('given version 1, when the open SoD violations report is asked for, then it counts the one violation by its rule', async () => {
    const { openSodViolationsReport } = await policy.ok<{ openSodViolationsReport: unknown }>(
      '{ openSodViolationsReport { total identities byRule { ruleId ruleName violations identities } } }',
    );

    expect(openSodViolationsReport).toEqual({
      total: 1,
      identities: 1,
      byRule: [{ ruleId: 'finance-vendor-payment', ruleName: expect.any(String), violations: 1, identities: 1 }],
    });
  });

  it('given version 1, then the violation it creates is detected, and shown on the identity', async () => {
    const { sodViolations } = await policy.ok<{ sodViolations: Answer[] }>(
      '{ sodViolations { identityId employeeNumber identity { id } policyVersion detectedAt violation { ruleId blocking explanation } } }',
    );
    expect(sodViolations).toEqual([
      {
        identityId: PEOPLE.erin.identityId,
        employeeNumber: '1005',
        identity: { id: PEOPLE.erin.identityId },
        policyVersion: 1,
        detectedAt: expect.any(String),
        violation: {
          ruleId: 'finance-vendor-payment',
          blocking: true,
          explanation: expect.stringContaining('Create vendor vs approve payment'),
        },
      },
    ]);
    expect(await policy.ok(`{ sodViolations(ruleId: "engineering-deploy-review") { identityId } }`)).toEqual({ sodViolations: [] });
    expect((await policy.identity(PEOPLE.erin.identityId, 'sodViolations { ruleId action }'))['sodViolations']).toEqual([
      { ruleId: 'finance-vendor-payment', action: 'BLOCK' },
    ]);
  });
});
