import { ConnectorError } from '@tenure/connector-sdk';
import type { AccountSpec, Connector, Page } from '@tenure/connector-sdk';
import { createScimConnector } from '../src';
import { startScimmyServer } from '../src/testing';
import type { ScimmyServer, StoredResource } from '../src/testing';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** What the SCIM mapping puts in the target, checked in the server's own store (SCIMMY 1.3.5). */
describe('SCIM connector against SCIMMY', () => {
  let scim: ScimmyServer;
  let connector: Connector;
  let engineering: string;
  let finance: string;

  beforeAll(async () => {
    scim = await startScimmyServer();
    connector = createScimConnector({ baseUrl: scim.baseUrl, auth: { type: 'bearer', tokenSecret: 'token' } }, { token: scim.token });
    engineering = await scim.createGroup('Engineering');
    finance = await scim.createGroup('Finance');
  });

  afterAll(async () => {
    await connector.close();
    await scim.close();
  });

  function spec(userName: string, overrides: Partial<AccountSpec> = {}): AccountSpec {
    return {
      userName,
      givenName: 'Ada',
      familyName: 'Lovelace',
      displayName: 'Ada Lovelace',
      email: `${userName}@example.com`,
      identityId: `identity-${userName}`,
      employeeNumber: `E-${userName}`,
      ...overrides,
    };
  }

  function stored(userName: string): StoredResource[] {
    return scim.storedUsers().filter((user) => user.userName === userName);
  }

  async function all<T>(list: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await list(cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }

  it('given a new user name, when the account is created, then the SCIM user carries the spec, externalId and the enterprise employee number', async () => {
    const account = await connector.createAccount(spec('ada'));

    expect(stored('ada')).toEqual([
      expect.objectContaining({
        userName: 'ada',
        externalId: 'identity-ada',
        name: expect.objectContaining({ givenName: 'Ada', familyName: 'Lovelace' }),
        displayName: 'Ada Lovelace',
        emails: [expect.objectContaining({ value: 'ada@example.com', primary: true, type: 'work' })],
        active: true,
        [ENTERPRISE]: expect.objectContaining({ employeeNumber: 'E-ada' }),
      }),
    ]);
    expect(account).toEqual({
      accountId: stored('ada')[0]?.id,
      userName: 'ada',
      enabled: true,
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      employeeNumber: 'E-ada',
    });
  });

  it('given a disabled user with that name, when the account is created again with a new spec, then the one user is updated and enabled (409 is followed by an update)', async () => {
    await connector.createAccount(spec('grace'));
    await connector.disableAccount('grace');

    const account = await connector.createAccount(spec('grace', { familyName: 'Hopper', email: 'grace.hopper@example.com' }));

    expect(stored('grace')).toHaveLength(1);
    expect(stored('grace')[0]).toMatchObject({ name: { familyName: 'Hopper' }, active: true });
    expect(account).toMatchObject({ enabled: true, email: 'grace.hopper@example.com' });
  });

  it('given a user, when only some attributes change, then only those are replaced', async () => {
    await connector.createAccount(spec('alan'));

    const account = await connector.updateAccount('alan', { email: 'turing@example.com', employeeNumber: 'E-42' });

    expect(stored('alan')[0]).toMatchObject({
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'turing@example.com', primary: true }],
      [ENTERPRISE]: { employeeNumber: 'E-42' },
    });
    expect(account).toMatchObject({ email: 'turing@example.com', employeeNumber: 'E-42' });
  });

  it('given a user, when disabled twice and enabled, then active follows and every call succeeds', async () => {
    await connector.createAccount(spec('edsger'));

    await connector.disableAccount('edsger');
    await connector.disableAccount('edsger');
    expect(stored('edsger')[0]?.active).toBe(false);

    await connector.enableAccount('edsger');
    expect(stored('edsger')[0]?.active).toBe(true);
  });

  it('given a user, when granted a group twice, then the group lists the member once; when revoked twice, then the member is gone', async () => {
    await connector.createAccount(spec('barbara'));
    const userId = stored('barbara')[0]?.id;

    await connector.grant('barbara', engineering);
    await connector.grant('barbara', engineering);
    expect(scim.storedGroup(engineering)?.members).toEqual([expect.objectContaining({ value: userId })]);

    await connector.revoke('barbara', engineering);
    await connector.revoke('barbara', engineering);
    expect(scim.storedGroup(engineering)?.members ?? []).toEqual([]);
  });

  it('given the same member added twice by PATCH without asking first, then SCIMMY lists it twice: why the connector asks before it adds', async () => {
    await connector.createAccount(spec('dorothy'));
    const userId = stored('dorothy')[0]!.id;

    for (let attempt = 0; attempt < 2; attempt++) await addMemberDirectly(scim, finance, userId);

    expect(scim.storedGroup(finance)?.members).toEqual([
      expect.objectContaining({ value: userId }),
      expect.objectContaining({ value: userId }),
    ]);
    await connector.revoke('dorothy', finance);
    expect(scim.storedGroup(finance)?.members ?? []).toEqual([]);
  });

  it('given an unknown group or user, when granting, then not-found; when revoking, then success', async () => {
    await connector.createAccount(spec('ken'));

    await expect(connector.grant('ken', 'no-such-group')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(connector.grant('no-such-user', engineering)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(connector.revoke('ken', 'no-such-group')).resolves.toBeUndefined();
    await expect(connector.revoke('no-such-user', engineering)).resolves.toBeUndefined();
  });

  it('given several users in two groups, when listing in small pages, then every account and grant comes exactly once', async () => {
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const name of names) await connector.createAccount(spec(name));
    for (const name of names.slice(0, 3)) await connector.grant(name, engineering);
    for (const name of names.slice(2)) await connector.grant(name, finance);

    const accounts = await all((cursor) => connector.listAccounts(cursor, 2));
    const grants = await all((cursor) => connector.listGrants(cursor, 2));
    const entitlements = await all((cursor) => connector.listEntitlements(cursor, 1));

    expect(accounts.map((account) => account.userName)).toEqual(scim.storedUsers().map((user) => user.userName));
    expect(grants.filter((grant) => names.includes(grant.userName))).toEqual([
      { userName: 'p1', entitlementKey: engineering },
      { userName: 'p2', entitlementKey: engineering },
      { userName: 'p3', entitlementKey: engineering },
      { userName: 'p3', entitlementKey: finance },
      { userName: 'p4', entitlementKey: finance },
      { userName: 'p5', entitlementKey: finance },
    ]);
    expect(entitlements).toEqual([
      { key: engineering, displayName: 'Engineering', description: null, kind: 'group' },
      { key: finance, displayName: 'Finance', description: null, kind: 'group' },
    ]);
  });

  it('given a member whose user was deleted, when listing grants, then the stale membership is skipped', async () => {
    await connector.createAccount(spec('gone'));
    await connector.grant('gone', finance);

    await connector.deleteAccount('gone');
    await connector.deleteAccount('gone');

    expect(stored('gone')).toEqual([]);
    const grants = await all((cursor) => connector.listGrants(cursor, 10));
    expect(grants.map((grant) => grant.userName)).not.toContain('gone');
  });

  it('given no such user, when updating or disabling, then not-found', async () => {
    await expect(connector.updateAccount('nobody', { displayName: 'x' })).rejects.toBeInstanceOf(ConnectorError);
    await expect(connector.updateAccount('nobody', { displayName: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(connector.disableAccount('nobody')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(connector.enableAccount('nobody')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

/** A PATCH `add` of one member, as a client that does not ask first (or whose first request landed late) sends it. */
async function addMemberDirectly(scim: ScimmyServer, groupId: string, userId: string): Promise<void> {
  const response = await fetch(`${scim.baseUrl}/Groups/${groupId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
    }),
  });
  expect(response.ok).toBe(true);
}
