import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { addAssignment, createTestDatabase, hire, identityIdOf, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';

const ADMIN_TOKEN = 'reviews-admin-token';
const PERSON_SECRET = 'a-caller-token-secret-of-at-least-32-characters';

const CAMPAIGN_FIELDS = `id name scopeKind scopeTarget reviewerRule status defaultAction progress { total decided kept revoked defaulted withdrawn pending }
  items { id employeeNumber applicationId entitlementKey source { kind } reviewer { kind employeeNumber } status decision comment decidedBy }`;

interface Campaign {
  readonly id: string;
  readonly status: string;
  readonly progress: Record<string, number>;
  readonly items: {
    id: string;
    employeeNumber: string;
    reviewer: unknown;
    status: string;
    decision: string | null;
    comment: string | null;
  }[];
  readonly evidence?: { type: string; actorId: string; decision: string | null; comment: string | null }[];
}

// Access reviews as the gateway asks for them: an administrator starts a campaign, the manager
// (with a caller token) decides over HTTP, the running service revokes what was revoked.
describe('access reviews over HTTP', () => {
  let database: TestDatabase;
  let workflow: LocalService;
  let maria: string;
  let alice: string;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = PERSON_SECRET;
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    maria = await mintCallerToken(PERSON_SECRET, '1001');
    alice = await mintCallerToken(PERSON_SECRET, '2001');
    await hire(store(), { employeeNumber: '1001', department: 'Finance' });
    await hire(store(), { employeeNumber: '2001', department: 'Finance', managerEmployeeNumber: '1001' });
    await addAssignment(store(), {
      assignmentId: 'erp-alice',
      identityId: identityIdOf('2001'),
      applicationId: 'erp',
      entitlementKey: 'create-vendor',
      source: { kind: 'request', reference: 'request-1', policyVersion: 1 },
    });
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given a held entitlement, when a campaign is started and its reviewer revokes, then the assignment is revoked for review and the evidence shows who and why', async () => {
    const start = () =>
      postGraphql<{ startReviewCampaign: Campaign }>(
        workflow.url,
        `mutation ($input: StartReviewCampaignInput!) { startReviewCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`,
        { input: { name: 'ERP', scopeKind: 'APPLICATION', applicationId: 'erp', reviewer: 'MANAGER' } },
        ADMIN_TOKEN,
      );
    // The assignment reaches the service's read models shortly after it is appended.
    const campaign = await waitFor('a campaign over the ERP', async () => (await start()).data?.startReviewCampaign);
    expect(campaign).toMatchObject({
      name: 'ERP',
      scopeKind: 'APPLICATION',
      scopeTarget: 'erp',
      reviewerRule: 'MANAGER',
      status: 'OPEN',
      defaultAction: 'REVOKE',
      progress: { total: 1, decided: 0, pending: 1 },
      items: [{ employeeNumber: '2001', reviewer: { kind: 'PERSON', employeeNumber: '1001' }, status: 'PENDING', decision: null }],
    });

    const refused = await postGraphql(
      workflow.url,
      `mutation { startReviewCampaign(input: { name: "Mine", scopeKind: APPLICATION, applicationId: "erp", reviewer: MANAGER }) { id } }`,
      {},
      alice,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const mine = await postGraphql<{ myReviewItems: { id: string }[] }>(
      workflow.url,
      '{ myReviewItems(status: PENDING) { id } }',
      {},
      maria,
    );
    expect(mine.data?.myReviewItems).toEqual([{ id: campaign.items[0]!.id }]);

    const decide = `mutation ($inputs: [DecideReviewItemInput!]!) { decideReviewItems(inputs: $inputs) { itemId decided errorCode errorMessage } }`;
    const bySubject = await postGraphql<{ decideReviewItems: unknown[] }>(
      workflow.url,
      decide,
      { inputs: [{ itemId: campaign.items[0]!.id, decision: 'KEEP' }] },
      alice,
    );
    expect(bySubject.data?.decideReviewItems).toEqual([
      {
        itemId: campaign.items[0]!.id,
        decided: false,
        errorCode: 'forbidden',
        errorMessage: expect.stringContaining('nobody reviews their own access'),
      },
    ]);
    const withoutComment = await postGraphql(
      workflow.url,
      `mutation ($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { id } }`,
      { input: { itemId: campaign.items[0]!.id, decision: 'REVOKE' } },
      maria,
    );
    expect(withoutComment.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const decided = await postGraphql<{ decideReviewItem: unknown }>(
      workflow.url,
      `mutation ($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { status decision comment decidedBy } }`,
      { input: { itemId: campaign.items[0]!.id, decision: 'REVOKE', comment: 'no longer buys' } },
      maria,
    );
    expect(decided).toEqual({
      data: { decideReviewItem: { status: 'DECIDED', decision: 'REVOKE', comment: 'no longer buys', decidedBy: '1001' } },
    });

    const closed = await postGraphql<{ reviewCampaign: Campaign }>(
      workflow.url,
      `query ($id: ID!) { reviewCampaign(id: $id) { ${CAMPAIGN_FIELDS} evidence { type actorId decision comment } } }`,
      { id: campaign.id },
      ADMIN_TOKEN,
    );
    expect(closed.data?.reviewCampaign).toMatchObject({ status: 'CLOSED', progress: { total: 1, decided: 1, revoked: 1, pending: 0 } });
    expect(closed.data?.reviewCampaign.evidence).toEqual([
      { type: 'ReviewCampaignStarted', actorId: 'admin-token', decision: null, comment: null },
      { type: 'ReviewItemDecided', actorId: '1001', decision: 'REVOKE', comment: 'no longer buys' },
      { type: 'ReviewCampaignClosed', actorId: '1001', decision: null, comment: null },
    ]);

    const revoked = await waitFor('the review revocation', async () => {
      const { rows } = await database.pool.query<{ revocation_reason: string | null }>(
        'SELECT revocation_reason FROM workflow_assignments WHERE assignment_id = $1',
        ['erp-alice'],
      );
      return rows[0]?.revocation_reason ?? undefined;
    });
    expect(revoked).toBe('review');
  });

  it('given no token, when campaigns are listed, then the caller is asked to authenticate', async () => {
    const answer = await postGraphql(workflow.url, '{ reviewCampaigns { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
