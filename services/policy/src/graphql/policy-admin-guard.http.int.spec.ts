import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { placeholderMutations, schemaFromIntrospection } from '@tenure/testing';
import { ADMIN_TOKEN, PolicyServiceHarness } from './testing/policy-service-harness';

// Every mutation of the policy subgraph changes policy or its exceptions: each must need an
// administrator. The mutations are read from the schema itself, so a new one without a guard fails here.

describe('administrator token on every policy mutation', () => {
  let policy: PolicyServiceHarness;

  beforeAll(async () => {
    policy = await PolicyServiceHarness.start([]);
  });

  afterAll(async () => {
    await policy?.close();
  });

  async function mutations() {
    return placeholderMutations(schemaFromIntrospection(await policy.ok<IntrospectionQuery>(getIntrospectionQuery())));
  }

  it('lists the administrators’ mutations (so the checks below are not vacuous)', async () => {
    expect((await mutations()).map((mutation) => mutation.name).sort()).toEqual(
      [
        'discardPolicyDraft',
        'grantSodException',
        'publishPolicyDraft',
        'putAccessPolicy',
        'putApproverGroup',
        'putBirthrightRule',
        'putRole',
        'putSodRule',
        'removeAccessPolicy',
        'removeApproverGroup',
        'removeBirthrightRule',
        'removeRole',
        'removeSodRule',
        'replacePolicyDraft',
        'revokeSodException',
      ].sort(),
    );
  });

  it('given no token, then every mutation is refused as UNAUTHENTICATED, naming itself', async () => {
    for (const mutation of await mutations()) {
      const { errors } = await policy.graphql(mutation.query, mutation.variables, null);
      expect({ mutation: mutation.name, code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message }).toEqual({
        mutation: mutation.name,
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining(`${mutation.name} needs a caller`),
      });
    }
  });

  it('given no token or a wrong one, then the draft’s simulation (a pass over every identity, for administrators) is refused too', async () => {
    const query = '{ simulatePolicyDraft { identities } }';
    expect((await policy.graphql(query, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await policy.graphql(query, {}, 'not-an-admin-token')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await policy.graphql(query, {}, ADMIN_TOKEN)).errors).toBeUndefined();
  });

  it('given a token that is not an administrator’s, then every mutation is refused as FORBIDDEN, and nothing changed', async () => {
    for (const mutation of await mutations()) {
      const { errors } = await policy.graphql(mutation.query, mutation.variables, 'not-an-admin-token');
      expect({ mutation: mutation.name, code: errors?.[0]?.extensions?.code }).toEqual({ mutation: mutation.name, code: 'FORBIDDEN' });
      expect(JSON.stringify(errors)).not.toContain('not-an-admin-token');
    }
    const data = await policy.ok<{ policyDraft: { changed: boolean; changedBy: string | null }; policyVersions: unknown[] }>(
      '{ policyDraft { changed changedBy } policyVersions { version } }',
    );
    expect(data).toEqual({ policyDraft: { changed: false, changedBy: null }, policyVersions: [] });
  });
});
