import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { generatedOperation } from './authorization/generated-operation';
import { ADMIN_TOKEN, eventually, PlatformUnderTest } from './testing/platform-under-test';

// Every mutation of the supergraph, its authorization rule, and at least one caller it must refuse,
// run through the gateway of the demo platform with tokens from real sign-ins at the development
// OpenID provider. A mutation added without a row here fails the first test.
jest.setTimeout(300_000);

// Demo company: 10010 Oliver reports to 10007 Priya; 10011 Nadia is Oliver's peer; 10040 Oskar is the
// demo auditor (reads everything, changes nothing).
const OLIVER = '10010';
const PRIYA = '10007';
const NADIA = '10011';
const AUDITOR = '10040';
/** Not a person: the administrator API token automation uses. */
const ADMIN_API_TOKEN = 'the administrator API token';

interface Fixture {
  readonly oliverId: string;
  readonly pendingRequestId: string;
  readonly oliversAssignmentId: string;
  readonly oliversReviewItemId: string;
}

interface Operation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

interface Refusal {
  /** An employee number to sign in as, or ADMIN_API_TOKEN. */
  readonly as: string;
  readonly who: string;
  /** Absent: the generated operation (any well-typed arguments), for rules checked before arguments matter. */
  readonly operation?: (fixture: Fixture) => Operation;
}

interface AuthorizationRule {
  readonly rule: string;
  readonly refusals: readonly Refusal[];
}

const administratorsOnly: AuthorizationRule = {
  rule: 'administrators only',
  refusals: [
    { as: OLIVER, who: 'an employee' },
    { as: AUDITOR, who: 'an auditor (reads everything, changes nothing)' },
  ],
};

const REQUEST_ACCESS = 'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id } }';
const BREAK_GLASS = 'mutation($input: RequestAccessInput!) { breakGlassAccess(input: $input) { id } }';
const APPROVE = 'mutation($id: ID!) { approveRequest(id: $id, comment: "matrix") { id } }';
const DENY = 'mutation($id: ID!) { denyRequest(id: $id, comment: "matrix") { id } }';
const CANCEL = 'mutation($id: ID!) { cancelRequest(id: $id, reason: "matrix") { id } }';
const EXTEND = 'mutation($input: ExtendAccessInput!) { extendAccess(input: $input) { id } }';
const DECIDE = 'mutation($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { id } }';
const DECIDE_MANY = 'mutation($inputs: [DecideReviewItemInput!]!) { decideReviewItems(inputs: $inputs) { itemId decided errorCode } }';

const forOliver = (mutation: string) => (fixture: Fixture) => ({
  query: mutation,
  variables: {
    input: {
      identityId: fixture.oliverId,
      applicationId: 'aws-production',
      entitlementKey: 'deploy',
      justification: 'authorization matrix',
      durationHours: 1,
    },
  },
});
const onPendingRequest = (mutation: string) => (fixture: Fixture) => ({ query: mutation, variables: { id: fixture.pendingRequestId } });
const revokeOliversItem = (fixture: Fixture) => ({
  query: DECIDE,
  variables: { input: { itemId: fixture.oliversReviewItemId, decision: 'REVOKE', comment: 'matrix' } },
});

const extendOliversAccess = (fixture: Fixture) => ({
  query: EXTEND,
  variables: { input: { assignmentId: fixture.oliversAssignmentId, durationHours: 1, justification: 'matrix' } },
});

const onlyApprovers: AuthorizationRule = {
  rule: 'an approver of the current step only; never the requester or the subject',
  refusals: [
    { as: OLIVER, who: 'the requester', operation: onPendingRequest(APPROVE) },
    { as: NADIA, who: 'a colleague who is no approver', operation: onPendingRequest(APPROVE) },
    { as: AUDITOR, who: 'an auditor', operation: onPendingRequest(APPROVE) },
  ],
};

/** The authorization rule of every mutation in the supergraph, with the callers it must refuse. */
const MATRIX: Readonly<Record<string, AuthorizationRule>> = {
  // connector: applications, catalog, provisioning, reconciliation
  registerApplication: administratorsOnly,
  configureApplication: administratorsOnly,
  configureReconciliation: administratorsOnly,
  setApplicationCredentials: administratorsOnly,
  pauseApplication: administratorsOnly,
  resumeApplication: administratorsOnly,
  changeApplicationOwner: administratorsOnly,
  testApplicationConnection: administratorsOnly,
  discoverEntitlements: administratorsOnly,
  annotateEntitlement: administratorsOnly,
  completeManualTask: administratorsOnly,
  retryOperation: administratorsOnly,
  dismissOperation: administratorsOnly,
  runReconciliation: administratorsOnly,
  remediateDrift: administratorsOnly,
  // identity: HR imports and held feed changes
  confirmHrFeedHold: administratorsOnly,
  discardHrFeedHold: administratorsOnly,
  importHrFile: administratorsOnly,
  confirmHrImport: administratorsOnly,
  discardHrImport: administratorsOnly,
  correctHrImportRecord: administratorsOnly,
  // identity: erasure of a former employee's personal data on legal request
  erasePersonalData: administratorsOnly,
  // identity: erasure of an HR import run's rejected rows that name nobody
  eraseHrImportUnnamedRows: administratorsOnly,
  // policy: the draft, publication, SoD exceptions
  replacePolicyDraft: administratorsOnly,
  putRole: administratorsOnly,
  removeRole: administratorsOnly,
  putBirthrightRule: administratorsOnly,
  removeBirthrightRule: administratorsOnly,
  putSodRule: administratorsOnly,
  removeSodRule: administratorsOnly,
  putAccessPolicy: administratorsOnly,
  removeAccessPolicy: administratorsOnly,
  putApproverGroup: administratorsOnly,
  removeApproverGroup: administratorsOnly,
  discardPolicyDraft: administratorsOnly,
  grantSodException: administratorsOnly,
  revokeSodException: administratorsOnly,
  publishPolicyDraft: administratorsOnly,
  // workflow: requests, approvals, reviews
  requestAccess: {
    rule: 'a person, for themselves or someone in their reporting line',
    refusals: [
      { as: NADIA, who: 'a peer asking for a colleague', operation: forOliver(REQUEST_ACCESS) },
      { as: AUDITOR, who: 'an auditor asking for someone outside their line', operation: forOliver(REQUEST_ACCESS) },
    ],
  },
  breakGlassAccess: {
    rule: 'a person, for themselves or someone in their reporting line, where policy allows break-glass',
    refusals: [
      { as: NADIA, who: 'a peer asking for a colleague', operation: forOliver(BREAK_GLASS) },
      { as: AUDITOR, who: 'an auditor', operation: forOliver(BREAK_GLASS) },
    ],
  },
  approveRequest: onlyApprovers,
  denyRequest: {
    rule: onlyApprovers.rule,
    refusals: onlyApprovers.refusals.map((refusal) => ({ ...refusal, operation: onPendingRequest(DENY) })),
  },
  cancelRequest: {
    rule: 'the requester, the subject, or an administrator',
    refusals: [
      { as: NADIA, who: 'a colleague', operation: onPendingRequest(CANCEL) },
      { as: AUDITOR, who: 'an auditor', operation: onPendingRequest(CANCEL) },
    ],
  },
  extendAccess: {
    rule: 'the holder, or someone in their reporting line',
    refusals: [
      { as: NADIA, who: 'a peer extending a colleague’s access', operation: extendOliversAccess },
      { as: AUDITOR, who: 'an auditor', operation: extendOliversAccess },
    ],
  },
  startReviewCampaign: administratorsOnly,
  decideReviewItem: {
    rule: 'the item’s reviewer only; never the person reviewed',
    refusals: [
      { as: OLIVER, who: 'the person reviewed', operation: revokeOliversItem },
      { as: NADIA, who: 'someone who is not the reviewer', operation: revokeOliversItem },
      { as: AUDITOR, who: 'an auditor', operation: revokeOliversItem },
    ],
  },
  decideReviewItems: {
    rule: 'the items’ reviewer only, item by item',
    refusals: [OLIVER, NADIA, AUDITOR].map((as) => ({
      as,
      who: as === OLIVER ? 'the person reviewed' : as === AUDITOR ? 'an auditor' : 'someone who is not the reviewer',
      operation: (fixture: Fixture) => ({
        query: DECIDE_MANY,
        variables: { inputs: [{ itemId: fixture.oliversReviewItemId, decision: 'KEEP', comment: 'matrix' }] },
      }),
    })),
  },
  // workflow: notifications
  setNotificationPreference: {
    rule: 'a person, for themselves only (there is no argument naming anyone else)',
    refusals: [{ as: ADMIN_API_TOKEN, who: 'an API token that names no person' }],
  },
};

const SUPERGRAPH = buildSchema(readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8'));
const MUTATIONS = SUPERGRAPH.getMutationType()!.getFields();

describe('authorization matrix: every mutation refuses the wrong caller', () => {
  let platform: PlatformUnderTest;
  let fixture: Fixture;

  /** The refusal as the caller gets it: a GraphQL error code, or a per-item refusal for bulk decisions. */
  async function refusalCode(mutation: string, refusal: Refusal): Promise<string | undefined> {
    const { query, variables } = refusal.operation ? refusal.operation(fixture) : generatedOperation(MUTATIONS[mutation]!);
    const token = refusal.as === ADMIN_API_TOKEN ? ADMIN_TOKEN : await platform.signIn(refusal.as);
    const answer = await platform.graphql<Record<string, unknown>>(query, variables, token);
    if (answer.errors?.length) return answer.errors[0]?.extensions?.code;
    const outcomes = answer.data?.[mutation];
    if (Array.isArray(outcomes)) return (outcomes[0] as { errorCode?: string } | undefined)?.errorCode?.toUpperCase();
    return `ACCEPTED ${JSON.stringify(answer.data)}`;
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const oliver = await platform.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${OLIVER}"`)}`);
    const oliverId = (oliver.body['Resources'] as { id: string }[])[0]!.id;
    const oliversAssignmentId = await eventually(
      async () => {
        const data = await platform.data<{ identity: { assignments: { id: string; status: string }[] } }>(
          'query($id: ID!) { identity(id: $id) { assignments { id status } } }',
          { id: oliverId },
          ADMIN_TOKEN,
        );
        return data.identity.assignments.find((assignment) => assignment.status === 'ACTIVE')?.id;
      },
      "Oliver's birthright provisioned",
      120_000,
    );
    const pending = await platform.data<{ requestAccess: { id: string } }>(
      REQUEST_ACCESS,
      { input: { applicationId: 'aws-production', entitlementKey: 'viewer', justification: 'incident review', durationHours: 2 } },
      await platform.signIn(OLIVER),
    );
    const campaign = await platform.data<{ startReviewCampaign: { items: { id: string; employeeNumber: string }[] } }>(
      `mutation { startReviewCampaign(input: { name: "Matrix", scopeKind: APPLICATION, applicationId: "github", reviewer: MANAGER }) {
         items(first: 100) { id employeeNumber } } }`,
      {},
      ADMIN_TOKEN,
    );
    const oliversItem = campaign.startReviewCampaign.items.find((item) => item.employeeNumber === OLIVER);
    if (!oliversItem) throw new Error('the GitHub campaign has no item about Oliver');
    fixture = { oliverId, pendingRequestId: pending.requestAccess.id, oliversAssignmentId, oliversReviewItemId: oliversItem.id };
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('has a rule, with at least one refused caller, for every mutation in the supergraph, and no row for one that is gone', () => {
    const mutations = Object.keys(MUTATIONS).sort();

    expect(mutations.filter((mutation) => !MATRIX[mutation] || MATRIX[mutation].refusals.length === 0)).toEqual([]);
    expect(Object.keys(MATRIX).filter((mutation) => !MUTATIONS[mutation])).toEqual([]);
  });

  it('refuses every mutation to a caller who sends no token (401 at the gateway)', async () => {
    for (const mutation of Object.keys(MUTATIONS)) {
      const { query, variables } = generatedOperation(MUTATIONS[mutation]!);
      const response = await fetch(`${platform.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      expect({ mutation, status: response.status }).toEqual({ mutation, status: 401 });
    }
  });

  const cases = Object.entries(MATRIX).flatMap(([mutation, { rule, refusals }]) =>
    refusals.map((refusal) => ({ mutation, rule, refusal, title: `${mutation} (${rule}) refuses ${refusal.who}, ${refusal.as}` })),
  );

  it.each(cases)('$title', async ({ mutation, refusal }) => {
    expect(await refusalCode(mutation, refusal)).toBe('FORBIDDEN');
  });

  describe('what each context holds about a person: the person, their managers, administrators and auditors', () => {
    const PERSONAL_FIELDS = {
      workflow: 'assignments { id }',
      connector: 'accounts { applicationId }',
      policy: 'birthright { policyVersion }',
    };

    it.each(Object.entries(PERSONAL_FIELDS))(
      'refuses a peer Oliver’s %s fields and lets his manager and the auditor read them',
      async (_, field) => {
        const query = `query($id: ID!) { identity(id: $id) { ${field} } }`;
        const asPeer = await platform.graphql(query, { id: fixture.oliverId }, await platform.signIn(NADIA));
        const asManager = await platform.graphql(query, { id: fixture.oliverId }, await platform.signIn(PRIYA));
        const asAuditor = await platform.graphql(query, { id: fixture.oliverId }, await platform.signIn(AUDITOR));

        expect(asPeer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(asManager.errors).toBeUndefined();
        expect(asAuditor.errors).toBeUndefined();
      },
    );
  });

  it('still lets the right caller through: the approver approves the pending request', async () => {
    const approved = await platform.graphql(APPROVE, { id: fixture.pendingRequestId }, await platform.signIn(PRIYA));

    expect(approved.errors).toBeUndefined();
  });
});
