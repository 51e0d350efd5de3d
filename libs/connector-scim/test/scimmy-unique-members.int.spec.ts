import { startScimmyServer, type ScimmyServer } from '../src/testing';

// The test server's RFC 7644 §3.5.2.1 mode, used by the crash suite's SaaS (one SCIMMY server per file).
describe('SCIMMY test server with unique members', () => {
  let scim: ScimmyServer;

  beforeAll(async () => {
    scim = await startScimmyServer({ uniqueMembers: true });
  });
  afterAll(() => scim.close());

  async function patch(groupId: string, operation: object): Promise<void> {
    const response = await fetch(`${scim.baseUrl}/Groups/${groupId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [operation] }),
    });
    expect(response.ok).toBe(true);
  }

  it('given a member already in the group, when added again, then the group lists it once, and other members are kept', async () => {
    const group = await scim.createGroup('Readers');
    await patch(group, { op: 'add', path: 'members', value: [{ value: 'user-1' }, { value: 'user-2' }] });

    await patch(group, { op: 'add', path: 'members', value: [{ value: 'user-1' }] });

    expect(scim.storedGroup(group)?.members).toEqual([
      expect.objectContaining({ value: 'user-1' }),
      expect.objectContaining({ value: 'user-2' }),
    ]);
  });
});
