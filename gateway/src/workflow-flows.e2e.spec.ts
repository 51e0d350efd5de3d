import { ADMIN_TOKEN, eventually, PlatformUnderTest } from './testing/platform-under-test';

// The flows of ../shared/DOMAIN.md that involve the workflow service, end to end: HR changes over
// SCIM, people's requests, approvals and review decisions over GraphQL with their own tokens,
// administrators' campaigns and reconciliation, all through the gateway of a platform started the
// way `npm start` starts it, provisioning the demo applications (simulated SaaS, a real PostgreSQL ERP).
jest.setTimeout(420_000);

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const TENURE_HR = 'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User';
// Demo company: 10010 Oliver Grant (Engineering) reports to 10007 Priya Raman, who reports to
// 10002 Lucas Brennan; 10011 Nadia Haddad reports to 10007; 10003 Sofia Marchetti runs Sales.
const OLIVER = '10010';
const PRIYA = '10007';
const LUCAS = '10002';
const NADIA = '10011';
const SOFIA = '10003';

interface AssignmentView {
  readonly id: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly status: string;
  readonly source: { readonly kind: string };
  readonly acknowledgedAt: string | null;
  readonly validUntil: string | null;
  readonly revocationReason: string | null;
}

interface JmlRunView {
  readonly kind: string;
  readonly status: string;
  readonly durationMs: number | null;
}

const ASSIGNMENTS = `query($id: ID!) { identity(id: $id) { status assignments(includeRevoked: true) {
  id applicationId entitlementKey status source { kind } acknowledgedAt validUntil revocationReason } } }`;
const ACCOUNTS = 'query($id: ID!) { identity(id: $id) { accounts { applicationId status } } }';
const JML_RUNS = 'query($id: ID!) { identity(id: $id) { jmlRuns { kind status durationMs } } }';
const REQUEST_ACCESS = `mutation($input: RequestAccessInput!) { requestAccess(input: $input) {
  id status decisionReasons steps { index kind approvers status } } }`;
const APPROVE =
  'mutation($id: ID!, $comment: String!) { approveRequest(id: $id, comment: $comment) { status steps { index status approvers } } }';
const REQUEST = 'query($id: ID!) { accessRequest(id: $id) { status assignmentId cancellation } }';
const MY_REVIEW_ITEMS = '{ myReviewItems(status: PENDING) { id campaignId employeeNumber applicationId entitlementKey } }';
const DECIDE = 'mutation($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { status decision decidedBy } }';

describe('workflow flows through the gateway, on the demo platform', () => {
  let platform: PlatformUnderTest;
  const identityIds = new Map<string, string>();

  async function identityIdOf(employeeNumber: string): Promise<string> {
    const known = identityIds.get(employeeNumber);
    if (known) return known;
    const found = await platform.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${employeeNumber}"`)}`);
    const resources = found.body['Resources'] as { id: string }[];
    identityIds.set(employeeNumber, resources[0]!.id);
    return resources[0]!.id;
  }

  async function assignmentsOf(employeeNumber: string): Promise<AssignmentView[]> {
    const data = await platform.data<{ identity: { assignments: AssignmentView[] } }>(
      ASSIGNMENTS,
      { id: await identityIdOf(employeeNumber) },
      ADMIN_TOKEN,
    );
    return data.identity.assignments;
  }

  async function assignmentOf(employeeNumber: string, applicationId: string, entitlementKey: string): Promise<AssignmentView | undefined> {
    return (await assignmentsOf(employeeNumber)).find(
      (assignment) => assignment.applicationId === applicationId && assignment.entitlementKey === entitlementKey,
    );
  }

  async function jmlRun(employeeNumber: string, kind: string): Promise<JmlRunView | undefined> {
    const data = await platform.data<{ identity: { jmlRuns: JmlRunView[] } }>(
      JML_RUNS,
      { id: await identityIdOf(employeeNumber) },
      ADMIN_TOKEN,
    );
    return data.identity.jmlRuns.find((run) => run.kind === kind && run.status === 'COMPLETED');
  }

  async function requestAccess(employeeNumber: string, input: Record<string, unknown>) {
    return platform.data<{ requestAccess: { id: string; status: string; steps: { index: number; approvers: string[] }[] } }>(
      REQUEST_ACCESS,
      { input },
      await platform.signIn(employeeNumber),
    );
  }

  async function approve(employeeNumber: string, requestId: string) {
    return platform.graphql<{ approveRequest: { status: string; steps: { index: number; status: string; approvers: string[] }[] } }>(
      APPROVE,
      { id: requestId, comment: `approved by ${employeeNumber}` },
      await platform.signIn(employeeNumber),
    );
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    // The demo company's birthright is provisioned before the flows start.
    await eventually(
      async () => ((await assignmentsOf(OLIVER)).every((assignment) => assignment.status === 'ACTIVE') ? true : undefined),
      "Oliver's birthright provisioned",
      120_000,
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('joiner: a hire pushed over SCIM gets its birthright provisioned, and "ready on day one" is recorded with its time', async () => {
    const created = await platform.scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, TENURE_HR],
      [TENURE_HR]: { startDate: new Date().toISOString().slice(0, 10) },
      userName: '19001',
      name: { givenName: 'Grace', familyName: 'Hopper' },
      emails: [{ value: 'grace.hopper@example.com', type: 'work', primary: true }],
      title: 'Software Engineer',
      [ENTERPRISE]: { employeeNumber: '19001', department: 'Engineering', costCenter: 'CC-210', manager: { value: PRIYA } },
    });
    expect(created.status).toBe(201);

    const run = await eventually(() => jmlRun('19001', 'JOINER'), 'the joiner run to complete', 60_000);
    const assignments = await assignmentsOf('19001');
    expect(run.durationMs).toBeGreaterThan(0);
    expect(assignments.length).toBeGreaterThan(0);
    expect(assignments.every((assignment) => assignment.status === 'ACTIVE' && assignment.source.kind === 'BIRTHRIGHT')).toBe(true);
  });

  it('just-in-time: every step of the chain approves (never the requester), the clock starts at provisioning, and the grant expires by itself', async () => {
    const requested = await requestAccess(OLIVER, {
      applicationId: 'aws-production',
      entitlementKey: 'viewer',
      justification: 'investigate INC-42 in production',
      durationHours: 0.004,
    });
    expect(requested.requestAccess).toMatchObject({ status: 'PENDING', steps: [{ index: 0, approvers: [PRIYA] }, { index: 1 }] });
    const requestId = requested.requestAccess.id;

    const selfApproval = await approve(OLIVER, requestId);
    const byManager = await approve(PRIYA, requestId);
    // Priya also owns the entitlement, but nobody approves two steps: the owner step went to her manager.
    const byOwnerStep = await approve(LUCAS, requestId);

    expect(selfApproval.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byManager.data?.approveRequest.steps).toEqual([
      { index: 0, status: 'APPROVED', approvers: [PRIYA] },
      { index: 1, status: 'OPEN', approvers: [LUCAS] },
    ]);
    expect(byOwnerStep.data?.approveRequest.status).toBe('APPROVED');

    const active = await eventually(async () => {
      const assignment = await assignmentOf(OLIVER, 'aws-production', 'viewer');
      return assignment?.status === 'ACTIVE' ? assignment : undefined;
    }, 'the requested access to be provisioned');
    expect(active.source.kind).toBe('REQUEST');
    expect(Date.parse(active.validUntil!) - Date.parse(active.acknowledgedAt!)).toBe(0.004 * 3_600_000);

    const expired = await eventually(async () => {
      const assignment = await assignmentOf(OLIVER, 'aws-production', 'viewer');
      return assignment?.status === 'REVOKED' ? assignment : undefined;
    }, 'the grant to expire and its revocation to be acknowledged');
    expect(expired.revocationReason).toBe('EXPIRED');
  });

  it('mover: birthright follows the new department, and requested access goes to a review by the new manager, who revokes it', async () => {
    const requested = await requestAccess(OLIVER, {
      applicationId: 'slack',
      entitlementKey: 'workspace-admin',
      justification: 'migrate the engineering channels',
      durationHours: 72,
    });
    expect((await approve(PRIYA, requested.requestAccess.id)).data?.approveRequest.status).toBe('APPROVED');
    await eventually(
      async () => ((await assignmentOf(OLIVER, 'slack', 'workspace-admin'))?.status === 'ACTIVE' ? true : undefined),
      'workspace-admin provisioned',
    );

    const moved = await platform.scim('PATCH', `/Users/${await identityIdOf(OLIVER)}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'replace', path: `${ENTERPRISE}:department`, value: 'Sales' },
        { op: 'replace', path: 'title', value: 'Account Executive' },
        { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: SOFIA } },
      ],
    });
    expect(moved.status).toBe(200);

    const sofia = await platform.signIn(SOFIA);
    const [item] = await eventually(async () => {
      const data = await platform.data<{ myReviewItems: { id: string; employeeNumber: string; entitlementKey: string }[] }>(
        MY_REVIEW_ITEMS,
        {},
        sofia,
      );
      const items = data.myReviewItems.filter((candidate) => candidate.employeeNumber === OLIVER);
      return items.length > 0 ? items : undefined;
    }, 'the mover review for the new manager');
    expect(item).toMatchObject({ entitlementKey: 'workspace-admin' });

    const bySubject = await platform.graphql(DECIDE, { input: { itemId: item!.id, decision: 'KEEP' } }, await platform.signIn(OLIVER));
    const byNewManager = await platform.data<{ decideReviewItem: { decision: string; decidedBy: string } }>(
      DECIDE,
      { input: { itemId: item!.id, decision: 'REVOKE', comment: 'not needed in Sales' } },
      sofia,
    );
    expect(bySubject.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byNewManager.decideReviewItem).toEqual({ status: 'DECIDED', decision: 'REVOKE', decidedBy: SOFIA });

    const revoked = await eventually(async () => {
      const assignment = await assignmentOf(OLIVER, 'slack', 'workspace-admin');
      return assignment?.status === 'REVOKED' ? assignment : undefined;
    }, 'the review revocation');
    expect(revoked.revocationReason).toBe('REVIEW');
    const birthright = (await assignmentsOf(OLIVER)).filter((assignment) => assignment.source.kind === 'BIRTHRIGHT');
    expect(birthright.find((assignment) => assignment.applicationId === 'salesforce')?.status).toMatch(/PENDING_PROVISIONING|ACTIVE/);
    expect(birthright.find((assignment) => assignment.entitlementKey === 'developer')?.revocationReason).toBe('NO_LONGER_BIRTHRIGHT');
  });

  it('access review: an administrator starts a campaign, only the reviewer decides, and progress counts it', async () => {
    const started = await platform.data<{
      startReviewCampaign: {
        id: string;
        progress: { total: number };
        items: { id: string; reviewer: { employeeNumber: string | null } }[];
      };
    }>(
      `mutation { startReviewCampaign(input: { name: "GitHub access", scopeKind: APPLICATION, applicationId: "github", reviewer: MANAGER }) {
         id progress { total } items(first: 100) { id reviewer { employeeNumber } } } }`,
      {},
      ADMIN_TOKEN,
    );
    const refusedPerson = await platform.graphql(
      'mutation { startReviewCampaign(input: { name: "mine", scopeKind: APPLICATION, applicationId: "github", reviewer: MANAGER }) { id } }',
      {},
      await platform.signIn(PRIYA),
    );
    const item = started.startReviewCampaign.items.find((candidate) => candidate.reviewer.employeeNumber === PRIYA)!;
    const kept = await platform.data<{ decideReviewItem: { decision: string } }>(
      DECIDE,
      { input: { itemId: item.id, decision: 'KEEP', comment: 'still on the platform team' } },
      await platform.signIn(PRIYA),
    );
    const progress = await platform.data<{ reviewCampaign: { progress: { total: number; decided: number; kept: number } } }>(
      'query($id: ID!) { reviewCampaign(id: $id) { progress { total decided kept } } }',
      { id: started.startReviewCampaign.id },
      ADMIN_TOKEN,
    );

    expect(refusedPerson.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(kept.decideReviewItem.decision).toBe('KEEP');
    expect(progress.reviewCampaign.progress).toEqual({ total: started.startReviewCampaign.progress.total, decided: 1, kept: 1 });
  });

  it('leaver: the kill switch revokes everything, disables every account, cancels pending requests, and records the time to revoke', async () => {
    const pending = await requestAccess(NADIA, {
      applicationId: 'salesforce',
      entitlementKey: 'sales-user',
      justification: 'pipeline dashboard',
      durationHours: 24,
    });
    const nadia = await identityIdOf(NADIA);

    const terminated = await platform.scim('DELETE', `/Users/${nadia}`);

    expect(terminated.status).toBe(204);
    const run = await eventually(() => jmlRun(NADIA, 'LEAVER'), 'the leaver run to complete', 60_000);
    const assignments = await assignmentsOf(NADIA);
    const accounts = await platform.data<{ identity: { accounts: { applicationId: string; status: string }[] } }>(
      ACCOUNTS,
      { id: nadia },
      ADMIN_TOKEN,
    );
    const request = await platform.data<{ accessRequest: { status: string } }>(REQUEST, { id: pending.requestAccess.id }, ADMIN_TOKEN);
    expect(run.durationMs).toBeGreaterThan(0);
    expect(assignments.length).toBeGreaterThan(0);
    expect(assignments.every((assignment) => assignment.status === 'REVOKED' && assignment.revocationReason === 'LEAVER')).toBe(true);
    expect(accounts.identity.accounts.length).toBeGreaterThan(0);
    expect(accounts.identity.accounts.every((account) => account.status === 'DISABLED')).toBe(true);
    expect(request.accessRequest.status).toBe('CANCELLED');
  });

  it('reconciliation: an administrator reconciles the real ERP database on demand', async () => {
    const started = await platform.data<{ runReconciliation: { id: string } }>(
      'mutation { runReconciliation(applicationId: "erp") { id } }',
      {},
      ADMIN_TOKEN,
    );
    const finished = await eventually(async () => {
      const data = await platform.data<{ reconciliationRun: { status: string; accountsSeen: number | null } }>(
        'query($id: ID!) { reconciliationRun(id: $id) { status accountsSeen } }',
        { id: started.runReconciliation.id },
        ADMIN_TOKEN,
      );
      return data.reconciliationRun.status === 'RUNNING' ? undefined : data.reconciliationRun;
    }, 'the reconciliation run to finish');
    expect(finished.status).toBe('COMPLETED');
    expect(finished.accountsSeen).toBeGreaterThan(0);
  });
});
