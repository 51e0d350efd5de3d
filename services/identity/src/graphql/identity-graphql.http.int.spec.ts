import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../app';
import { IdentityBackground } from '../application/identity-background';
import { IdentityCommands } from '../application/identity-commands';
import { CSV, hrRecord } from './testing/identity-graph';

// The identity service as it runs: HTTP, Nest, its projection and the subgraph schema, on PostgreSQL.
// The identity list is for administrators and auditors: these queries carry an administrator API token.
const ADMIN_TOKEN = 'identity-queries-admin-token';

describe('identity queries over HTTP', () => {
  let database: TestDatabase;
  let identity: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    identity = await startLocalService(identityService, database.url);
    const commands = identity.app.get(IdentityCommands);
    const origin = { actor: { kind: 'hr-feed', id: 'nightly-csv' }, correlationId: 'http-test' } as const;
    await commands.syncFromHr(hrRecord('8001', { givenName: 'Noor', familyName: 'Haddad' }), CSV, origin);
    await commands.syncFromHr(hrRecord('8002', { givenName: 'Ivo', familyName: 'Novak', managerEmployeeNumber: '8001' }), CSV, origin);
    await identity.app.get(IdentityBackground).directoryCaughtUp();
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
  });

  it('answers identities with their manager from the directory the service keeps', async () => {
    const { status, data, errors } = await identity.graphql<{ identities: unknown }>(
      '{ identities(first: 10) { totalCount edges { node { employeeNumber displayName status manager { displayName } } } pageInfo { hasNextPage } } }',
      ADMIN_TOKEN,
    );

    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data?.identities).toEqual({
      totalCount: 2,
      edges: [
        { node: { employeeNumber: '8001', displayName: 'Noor Haddad', status: 'ACTIVE', manager: null } },
        { node: { employeeNumber: '8002', displayName: 'Ivo Novak', status: 'ACTIVE', manager: { displayName: 'Noor Haddad' } } },
      ],
      pageInfo: { hasNextPage: false },
    });
  });

  it('refuses the identity list without a caller (UNAUTHENTICATED)', async () => {
    const { errors } = await identity.graphql('{ identities(first: 1) { totalCount } }');

    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT naming the limit', async () => {
    const { errors } = await identity.graphql('{ identities(first: 101) { totalCount } }', ADMIN_TOKEN);

    expect(errors).toEqual([
      expect.objectContaining({
        message: 'first must be between 0 and 100, got 101: ask for the next page with "after"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'first', max: 100 } }),
      }),
    ]);
  });
});
