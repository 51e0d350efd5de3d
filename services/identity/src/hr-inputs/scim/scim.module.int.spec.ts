import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { IdentityBackground } from '../../application/identity-background';

const TOKEN = 'module-test-token';

/** The whole identity service over HTTP, with and without SCIM_TOKENS in its environment. */
describe('the identity service serves SCIM at /scim/v2', () => {
  let database: TestDatabase;
  const configured = process.env['SCIM_TOKENS'];

  async function serviceWith(tokens: string | undefined): Promise<LocalService> {
    if (tokens === undefined) delete process.env['SCIM_TOKENS'];
    else process.env['SCIM_TOKENS'] = tokens;
    const identity = await startLocalService(identityService, database.url);
    await identity.app.get(IdentityBackground).directoryCaughtUp();
    return identity;
  }

  beforeAll(async () => {
    database = await createTestDatabase(4);
  });

  afterAll(async () => {
    if (configured === undefined) delete process.env['SCIM_TOKENS'];
    else process.env['SCIM_TOKENS'] = configured;
    await database.drop();
  });

  it('given no SCIM_TOKENS, when a SCIM request arrives, then it answers 503 with a SCIM error saying SCIM is not configured', async () => {
    const identity = await serviceWith(undefined);
    try {
      const response = await fetch(`${identity.url}/scim/v2/Users`, { headers: { authorization: `Bearer ${TOKEN}` } });

      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/scim+json');
      expect(await response.json()).toEqual({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '503',
        detail: expect.stringContaining('not configured'),
      });
    } finally {
      await identity.close();
    }
  });

  it('given SCIM_TOKENS, when an HR feed creates a user with a known token, then it is an identity read back from the event-sourced directory', async () => {
    const identity = await serviceWith(`first-token,${TOKEN}`);
    try {
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' };
      const created = await fetch(`${identity.url}/scim/v2/Users`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          userName: 'M-1',
          name: { givenName: 'Frances', familyName: 'Allen' },
          emails: [{ value: 'frances.allen@example.com', type: 'work' }],
          'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User': { startDate: '2024-02-01' },
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };

      const read = await fetch(`${identity.url}/scim/v2/Users/${id}`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id, userName: 'M-1', active: true, name: { familyName: 'Allen' } });
      const { rows } = await database.pool.query('SELECT status FROM identity_directory WHERE identity_id = $1', [id]);
      expect(rows).toEqual([{ status: 'active' }]);
      expect((await fetch(`${identity.url}/scim/v2/Users`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    } finally {
      await identity.close();
    }
  });
});
