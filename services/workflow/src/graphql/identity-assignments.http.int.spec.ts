import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../app';
import { hireAndActivate, identityIdOf, move } from '../testing/identity-events';
import { POLICY_V1, publishPolicy } from '../testing/policy-events';

const ADMIN_TOKEN = 'assignments-admin-token';
const PERSON_SECRET = 'assignments-caller-token-secret-0123456789';
const QUERY = `query ($representations: [_Any!]!, $includeRevoked: Boolean!) {
  _entities(representations: $representations) {
    ... on Identity { id assignments(includeRevoked: $includeRevoked) {
      id applicationId entitlementKey source { kind reference policyVersion } validFrom validUntil status revocationReason addedAt revokedAt
    } }
  }
}`;

interface IdentityAssignments {
  readonly _entities: { id: string; assignments: Record<string, unknown>[] }[];
}

// Identity.assignments as the gateway asks for it (an entity reference), from the running service:
// HTTP, Nest, read models and the birthright process on its own PostgreSQL database.
describe('Identity.assignments over HTTP', () => {
  let database: TestDatabase;
  let workflow: LocalService;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);

  const assignmentsOf = async (employeeNumber: string, includeRevoked = false) => {
    const { data, errors } = await postGraphql<IdentityAssignments>(
      workflow.url,
      QUERY,
      { representations: [{ __typename: 'Identity', id: identityIdOf(employeeNumber) }], includeRevoked },
      ADMIN_TOKEN,
    );
    expect(errors).toBeUndefined();
    return data!._entities[0]!.assignments;
  };

  beforeAll(async () => {
    database = await createTestDatabase(4);
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = PERSON_SECRET;
    workflow = await startLocalService(workflowService, database.url);
    await publishPolicy(store(), 1, POLICY_V1);
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given callers, when they ask, then the person and administrators read the assignments, a colleague and an anonymous caller are refused', async () => {
    await hireAndActivate(store(), { employeeNumber: '2101', department: 'Finance' });
    await hireAndActivate(store(), { employeeNumber: '2102', department: 'Finance' });
    const ask = async (token: string | null) =>
      postGraphql<IdentityAssignments>(
        workflow.url,
        QUERY,
        { representations: [{ __typename: 'Identity', id: identityIdOf('2101') }], includeRevoked: false },
        token,
      );

    // The person is known to workflow once its copy of the directory has read the hire.
    const selfToken = await mintCallerToken(PERSON_SECRET, '2101');
    const self = await waitFor('the directory copy to know 2101', async () => {
      const answer = await ask(selfToken);
      return answer.errors ? undefined : answer;
    });
    const [colleague, anonymous] = await Promise.all([ask(await mintCallerToken(PERSON_SECRET, '2102')), ask(null)]);

    expect(self.data?._entities[0]?.id).toBe(identityIdOf('2101'));
    expect(colleague.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('given a published policy, when a joiner starts, then the service assigns the birthright and the identity lists it with its source', async () => {
    await hireAndActivate(store(), { employeeNumber: '2001', department: 'Finance' });

    const assignments = await waitFor('the birthright to be assigned', async () => {
      const listed = await assignmentsOf('2001');
      return listed.length === 3 ? listed : undefined;
    });
    expect(assignments.map((assignment) => `${assignment['applicationId']}/${assignment['entitlementKey']}`)).toEqual([
      'chat/member',
      'erp/create-vendor',
      'mail/mailbox',
    ]);
    expect(assignments[1]).toEqual({
      id: expect.any(String),
      applicationId: 'erp',
      entitlementKey: 'create-vendor',
      source: { kind: 'BIRTHRIGHT', reference: 'finance', policyVersion: 1 },
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      validUntil: null,
      status: 'PENDING_PROVISIONING', // the connector does not run here: nothing acknowledges the grant
      revocationReason: null,
      addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      revokedAt: null,
    });
  });

  it('given a mover, when asked with revoked assignments, then the ended ones show why and when', async () => {
    await move(store(), '2001', { department: 'Sales' });

    // Revoking: the connector does not run here to acknowledge the removal.
    const revoked = await waitFor('the Finance birthright to be revoked', async () => {
      const listed = await assignmentsOf('2001', true);
      return listed.find((assignment) => assignment['status'] === 'REVOKING');
    });
    expect(revoked).toMatchObject({
      applicationId: 'erp',
      entitlementKey: 'create-vendor',
      revocationReason: 'NO_LONGER_BIRTHRIGHT',
      revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect((await assignmentsOf('2001')).map((assignment) => assignment['applicationId'])).toEqual(['chat', 'mail']);
  });

  it('given an identity workflow never assigned anything, when asked, then its assignments are empty', async () => {
    await expect(assignmentsOf('9999')).resolves.toEqual([]);
  });
});
