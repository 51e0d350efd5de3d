import { PolicyServiceHarness } from './testing/policy-service-harness';
import { PEOPLE, TEST_POLICY, TYPED_EDITS } from './testing/test-policy';

// Administrators edit, simulate and publish the policy over HTTP; the service knows the test people
// as the identity service publishes them.

const DRAFT_FIELDS = `basedOnVersion changed changedAt changedBy policy {
  roles { id name entitlements { key } }
  birthrightRules { id name description conditionDescription condition roles entitlements { key } enabled }
  sodRules { id severity action sets { name entitlements { key } roles } }
  accessPolicies { id scope { kind application entitlement { key } } requestable requestableByDescription maxDurationHours
    approvalChain { kind group approvals } autoApproval { maxRisk } risk breakGlass }
  approverGroups { id members } }`;
/** Answers are checked field by field against what they should be; their shape is left to the assertions. */
type Answer = Record<string, unknown>;
type Items = { id: string; [field: string]: unknown }[];

interface DraftAnswer {
  policy: { roles: Items; birthrightRules: Items; sodRules: Items; accessPolicies: Items };
  [field: string]: unknown;
}

interface SimulationAnswer {
  affected: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { employeeNumber: string } & Answer }[];
  };
  [field: string]: unknown;
}

interface Problem {
  kind: string | null;
  id: string | null;
  field: string;
  message: string;
}

describe('editing, simulating and publishing the policy over the policy subgraph', () => {
  let policy: PolicyServiceHarness;

  beforeAll(async () => {
    policy = await PolicyServiceHarness.start(Object.values(PEOPLE));
  });

  afterAll(async () => {
    await policy?.close();
  });

  it('given nothing published, then there is no version, no birthright and no violation yet', async () => {
    const data = await policy.ok<{
      policyVersion: unknown;
      policyVersions: unknown[];
      policyDraft: { changed: boolean; basedOnVersion: unknown };
    }>('{ policyVersion { version } policyVersions { version } policyDraft { changed basedOnVersion } }');
    expect(data).toEqual({ policyVersion: null, policyVersions: [], policyDraft: { changed: false, basedOnVersion: null } });
    expect(await policy.identity(PEOPLE.bob.identityId, 'birthright { policyVersion } sodViolations { ruleId }')).toEqual({
      id: PEOPLE.bob.identityId,
      birthright: null,
      sodViolations: [],
    });
  });

  it('given a draft with a bad rule, when an administrator replaces the draft, then the errors name the rule and the field, and nothing changes', async () => {
    const broken = {
      ...TEST_POLICY,
      sodRules: [
        {
          ...TEST_POLICY.sodRules[0],
          sets: [TEST_POLICY.sodRules[0].sets[0], { name: 'approve', entitlements: [{ application: '', entitlement: 'x' }] }],
        },
      ],
    };
    const { errors } = await policy.graphql('mutation ($document: JSON!) { replacePolicyDraft(document: $document) { changed } }', {
      document: broken,
    });

    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toContain('SoD rule "finance-vendor-payment"');
    const problems = (errors![0]!.extensions?.['details'] as { problems: Problem[] }).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'sodRule', id: 'finance-vendor-payment', field: 'sets[1].entitlements[0].application' }),
    );
    expect((await policy.ok<{ policyDraft: { changed: boolean } }>('{ policyDraft { changed } }')).policyDraft.changed).toBe(false);
  });

  it('given a typed rule with a bad condition, when put, then the problem names the birthright rule and its condition', async () => {
    const { errors } = await policy.graphql(`
      mutation {
        putBirthrightRule(rule: { id: "sales", name: "Sales", condition: { op: "equals", attribute: "dept", value: "Sales" } }) {
          changed
        }
      }
    `);
    const problems = (errors?.[0]?.extensions?.['details'] as { problems: Problem[] }).problems;
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problems[0]).toMatchObject({ kind: 'birthrightRule', id: 'sales', field: expect.stringMatching(/^condition/) });
    expect(problems[0]!.message).toContain('Birthright rule "sales"');
  });

  it('given a valid document and typed edits, then the draft holds them all, with conditions described', async () => {
    await policy.ok(`mutation ($document: JSON!) { replacePolicyDraft(document: $document) { changed } }`, { document: TEST_POLICY });
    await policy.ok(TYPED_EDITS);

    const { policyDraft } = await policy.ok<{ policyDraft: DraftAnswer }>(`{ policyDraft { ${DRAFT_FIELDS} } }`);
    expect(policyDraft).toMatchObject({ basedOnVersion: null, changed: true, changedBy: 'admin-token' });
    expect(policyDraft.policy.roles.map((role) => role.id)).toEqual(['engineering-tools', 'finance-erp']);
    expect(policyDraft.policy.birthrightRules.find((rule) => rule.id === 'engineering-reviewers')).toMatchObject({
      conditionDescription: 'department = "Engineering" and title starts with "Senior"',
      condition: { op: 'all' },
      enabled: true,
      description: '',
      entitlements: [{ key: 'github:approve-code-change' }],
    });
    expect(policyDraft.policy.accessPolicies.find((one) => one.id === 'production-access')).toEqual({
      id: 'production-access',
      scope: { kind: 'ENTITLEMENT', application: null, entitlement: { key: 'aws:production-admin' } },
      requestable: true,
      requestableByDescription: 'department = "Engineering"',
      maxDurationHours: 4,
      approvalChain: [
        { kind: 'MANAGER', group: null, approvals: 1 },
        { kind: 'ENTITLEMENT_OWNER', group: null, approvals: 1 },
      ],
      autoApproval: null,
      risk: 'HIGH',
      breakGlass: false,
    });
    expect(policyDraft.policy.sodRules.map((rule) => [rule.id, rule['action']])).toEqual([
      ['finance-vendor-payment', 'BLOCK'],
      ['engineering-deploy-review', 'REQUIRE_EXCEPTION'],
    ]);
  });

  it('given the draft, when simulated, then the counts are whole and the affected identities come a page at a time', async () => {
    const query = `query ($after: String) { simulatePolicyDraft(first: 2, after: $after) {
      currentVersion identities added removed newViolations perRule { ruleId added removed } newViolationsPerRule { ruleId count }
      affected { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { employeeNumber identity { id } added { key } removed { key } newViolations } } } } }`;
    type Simulation = { simulatePolicyDraft: SimulationAnswer };
    const first = (await policy.ok<Simulation>(query)).simulatePolicyDraft;

    expect(first).toMatchObject({ currentVersion: null, identities: 5, added: 20, removed: 0, newViolations: 1 });
    expect(first.newViolationsPerRule).toEqual([{ ruleId: 'finance-vendor-payment', count: 1 }]);
    expect(first.perRule).toContainEqual({ ruleId: 'everyone', added: 10, removed: 0 });
    expect(first.affected.totalCount).toBe(5);
    expect(first.affected.edges.map((edge) => edge.node.employeeNumber)).toEqual(['1001', '1002']);
    expect(first.affected.edges[0]?.node['identity']).toEqual({ id: PEOPLE.alice.identityId });

    const second = (await policy.ok<Simulation>(query, { after: first.affected.pageInfo.endCursor })).simulatePolicyDraft;
    const third = (await policy.ok<Simulation>(query, { after: second.affected.pageInfo.endCursor })).simulatePolicyDraft;
    expect(second.affected.edges.map((edge) => edge.node.employeeNumber)).toEqual(['1003', '1004']);
    expect(third.affected.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ employeeNumber: '1005', newViolations: ['finance-vendor-payment'] }),
    ]);
    expect(third.affected.pageInfo.hasNextPage).toBe(false);

    const tooMany = await policy.graphql('{ simulatePolicyDraft(first: 101) { identities } }');
    const badCursor = await policy.graphql('{ simulatePolicyDraft(after: "not-a-cursor") { identities } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('when the draft is published, then it is version 1, listed with its contents, and the draft is based on it', async () => {
    const { publishPolicyDraft } = await policy.ok<{ publishPolicyDraft: Answer }>(
      'mutation { publishPolicyDraft(note: "first policy") { version publishedBy note policy { sodRules { id } } } }',
    );
    expect(publishPolicyDraft).toEqual({
      version: 1,
      publishedBy: 'admin-token',
      note: 'first policy',
      policy: { sodRules: [{ id: 'finance-vendor-payment' }, { id: 'engineering-deploy-review' }] },
    });

    const data = await policy.ok<Answer>(
      '{ policyVersions { version note publishedAt policy { roles { id } } } policyVersion { version } v1: policyVersion(version: 1) { note } v2: policyVersion(version: 2) { note } policyDraft { changed basedOnVersion } }',
    );
    expect(data.policyVersions).toEqual([
      {
        version: 1,
        note: 'first policy',
        publishedAt: expect.any(String),
        policy: { roles: [{ id: 'engineering-tools' }, { id: 'finance-erp' }] },
      },
    ]);
    expect(data).toMatchObject({
      policyVersion: { version: 1 },
      v1: { note: 'first policy' },
      v2: null,
      policyDraft: { changed: false, basedOnVersion: 1 },
    });
  });

  it('when the draft is edited and discarded, then it is version 1 again', async () => {
    const edited = await policy.ok<{ removeSodRule: { changed: boolean } }>(
      'mutation { removeSodRule(id: "engineering-deploy-review") { changed } }',
    );
    const discarded = await policy.ok<{ discardPolicyDraft: { changed: boolean; basedOnVersion: number } }>(
      'mutation { discardPolicyDraft { changed basedOnVersion } }',
    );
    expect(edited.removeSodRule.changed).toBe(true);
    expect(discarded.discardPolicyDraft).toEqual({ changed: false, basedOnVersion: 1 });
  });
});
