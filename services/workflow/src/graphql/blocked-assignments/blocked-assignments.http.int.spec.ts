import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';
import { hireAndActivate } from '../../testing/identity-events';
import { publishPolicy } from '../../testing/policy-events';

const ADMIN_TOKEN = 'test-admin-token';
const CALLER_TOKEN_SECRET = 'a-test-caller-token-secret-32-chars-long';

const erp = (entitlement: string) => ({ application: 'erp', entitlement });
const POLICY = {
  roles: [],
  birthrightRules: [
    {
      id: 'payments',
      name: 'Payments',
      condition: { op: 'equals', attribute: 'department', value: 'Payments' },
      entitlements: [erp('payment-approve')],
    },
    { id: 'buyers', name: 'Buyers', condition: { op: 'equals', attribute: 'title', value: 'Buyer' }, entitlements: [erp('vendor-create')] },
  ],
  sodRules: [
    {
      id: 'vendor-approve',
      name: 'Vendors vs approvals',
      severity: 'critical',
      action: 'block',
      sets: [
        { name: 'Create vendors', entitlements: [erp('vendor-create')], roles: [] },
        { name: 'Approve payments', entitlements: [erp('payment-approve')], roles: [] },
      ],
    },
  ],
  accessPolicies: [],
  approverGroups: [],
};

const QUERY = `{ blockedAssignments(first: 10) {
  employeeNumber applicationId entitlementKey source { kind reference policyVersion } rules { ruleId ruleName } blockedAt
} }`;

interface Blocked {
  readonly blockedAssignments: Record<string, unknown>[];
}

// Blocked birthright over HTTP, with the caller guard as the running service has it (admin and caller tokens).
describe('blockedAssignments over HTTP', () => {
  let database: TestDatabase;
  let workflow: LocalService;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = CALLER_TOKEN_SECRET;
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    await publishPolicy(store(), 1, POLICY);
  });

  afterAll(async () => {
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
    await workflow?.close();
    await database?.drop();
  });

  it('given a joiner whose birthright breaks a block rule, when an administrator asks, then both entitlements are listed with the rule', async () => {
    await hireAndActivate(store(), { employeeNumber: '3001', department: 'Payments', title: 'Buyer' });

    const blocked = await waitFor('the blocks to be raised', async () => {
      const { data } = await postGraphql<Blocked>(workflow.url, QUERY, {}, ADMIN_TOKEN);
      return data?.blockedAssignments.length === 2 ? data.blockedAssignments : undefined;
    });
    expect(blocked[0]).toEqual({
      employeeNumber: '3001',
      applicationId: 'erp',
      entitlementKey: 'payment-approve',
      source: { kind: 'BIRTHRIGHT', reference: 'payments', policyVersion: 1 },
      rules: [{ ruleId: 'vendor-approve', ruleName: 'Vendors vs approvals' }],
      blockedAt: expect.any(String),
    });
  });

  it('given an employee caller token or no token, when blocked assignments are asked, then FORBIDDEN or UNAUTHENTICATED', async () => {
    const personToken = await mintCallerToken(CALLER_TOKEN_SECRET, '3001');

    const asPerson = await postGraphql<Blocked>(workflow.url, QUERY, {}, personToken);
    const anonymous = await postGraphql<Blocked>(workflow.url, QUERY);
    const forged = await postGraphql<Blocked>(workflow.url, QUERY, {}, await mintCallerToken('x'.repeat(32), '3001'));

    expect(asPerson.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(asPerson.errors?.[0]?.message).toMatch(/for administrators and auditors, and 3001 is neither/);
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(forged.errors?.[0]?.message).not.toContain('eyJ');
  });
});
