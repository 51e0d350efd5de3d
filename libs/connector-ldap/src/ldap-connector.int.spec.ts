import { collectAll, contractAccountSpec, expectConnectorError } from '@tenure/connector-contract';
import { ConnectorError, type Connector } from '@tenure/connector-sdk';
import { createLdapConnector, type LdapSettingsInput } from './index';
import { asDirectoryAdministrator, createGroups, groupMembers, ldapSettingsFor, startSlapd, type RunningSlapd } from './testing';

describe('LDAP connector against a real OpenLDAP', () => {
  let slapd: RunningSlapd;
  let connector: Connector;
  const connectors: Connector[] = [];

  function connectorWith(overrides: Partial<LdapSettingsInput> = {}, server = slapd): Connector {
    const { settings, secrets } = ldapSettingsFor(server, overrides);
    const created = createLdapConnector(settings, secrets);
    connectors.push(created);
    return created;
  }

  beforeAll(async () => {
    slapd = await startSlapd();
    await createGroups(slapd, ['engineering', 'finance', 'solo']);
    connector = connectorWith();
  });

  afterAll(async () => {
    await Promise.all(connectors.map((each) => each.close()));
    await slapd?.stop();
  });

  describe('user names with special characters', () => {
    const awkward = `o'brien, j+r=x "q" #1 \\ <a>;*()`;

    it('given a user name full of DN and filter syntax, when created, granted, listed, revoked and deleted, then exactly that one entry is used', async () => {
      const created = await connector.createAccount(contractAccountSpec(awkward));
      expect(created.userName).toBe(awkward);
      const entry = await asDirectoryAdministrator(slapd, async (client) => {
        const { searchEntries } = await client.search(created.accountId, { scope: 'base', attributes: ['uid'] });
        return searchEntries;
      });
      expect(entry).toEqual([{ dn: created.accountId, uid: awkward }]);
      expect(created.accountId.endsWith(`,${slapd.usersBase}`)).toBe(true);

      await connector.grant(awkward, 'engineering');
      const grants = await collectAll(connector.listGrants.bind(connector), 50);
      expect(grants).toContainEqual({ userName: awkward, entitlementKey: 'engineering' });
      const accounts = await collectAll(connector.listAccounts.bind(connector), 50);
      expect(accounts.filter((account) => account.userName === awkward)).toHaveLength(1);

      await connector.revoke(awkward, 'engineering');
      await connector.deleteAccount(awkward);
      expect(await connector.getAccount(awkward)).toBeNull();
    });

    it('given accounts exist, when asked for the user name "*", then no account is found (the name is a value, not a pattern)', async () => {
      await connector.createAccount(contractAccountSpec('someone'));

      expect(await connector.getAccount('*')).toBeNull();
      expect(await connector.getAccount('some*')).toBeNull();
    });

    it('given a user name that LDAP matching would change (spaces around it, control characters) or an empty one, then it is refused as invalid', async () => {
      for (const userName of [' ada', 'ada ', 'ada\nadmin', '']) {
        expect((await expectConnectorError(connector.createAccount(contractAccountSpec(userName)), 'invalid')).retryable).toBe(false);
      }
    });
  });

  describe('the last member of a group', () => {
    it('given a group with one member, when that member is revoked, then the placeholder takes its place and no grant is listed; the next grant removes it', async () => {
      await connector.createAccount(contractAccountSpec('only'));
      await connector.grant('only', 'solo');
      expect(await groupMembers(slapd, 'solo')).toEqual([`uid=only,${slapd.usersBase}`]);

      await connector.revoke('only', 'solo');
      await connector.revoke('only', 'solo');

      expect(await groupMembers(slapd, 'solo')).toEqual([slapd.groupsBase]);
      const grants = await collectAll(connector.listGrants.bind(connector), 50);
      expect(grants.filter((grant) => grant.entitlementKey === 'solo')).toEqual([]);

      await connector.grant('only', 'solo');
      expect(await groupMembers(slapd, 'solo')).toEqual([`uid=only,${slapd.usersBase}`]);
    });

    it('given an account in groups, when it is deleted, then it is gone from every group, and a group it was alone in keeps the placeholder', async () => {
      await connector.createAccount(contractAccountSpec('leaver'));
      await connector.grant('leaver', 'finance');
      await connector.grant('leaver', 'engineering');

      await connector.deleteAccount('leaver');
      await connector.deleteAccount('leaver');

      expect(await groupMembers(slapd, 'finance')).toEqual([slapd.groupsBase]);
      expect(await groupMembers(slapd, 'engineering')).not.toContain(`uid=leaver,${slapd.usersBase}`);
    });
  });

  describe('paging', () => {
    it('given more accounts than a page, when listed a few at a time, then every account comes exactly once and a repeated cursor returns the same page', async () => {
      const userNames = Array.from({ length: 23 }, (_, index) => `paged-${String(index).padStart(2, '0')}`);
      for (const userName of userNames) await connector.createAccount(contractAccountSpec(userName));

      const first = await connector.listAccounts(null, 7);
      expect(first.items).toHaveLength(7);
      const second = await connector.listAccounts(first.nextCursor, 7);
      const secondAgain = await connector.listAccounts(first.nextCursor, 7);
      expect(secondAgain).toEqual(second);
      const listed = [...first.items, ...second.items].map((account) => account.userName);
      for (let cursor = second.nextCursor; cursor !== null;) {
        const page = await connector.listAccounts(cursor, 7);
        listed.push(...page.items.map((account) => account.userName));
        cursor = page.nextCursor;
      }

      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual(expect.arrayContaining(userNames));
    });

    it('given two listings at once, when their pages interleave, then each completes on its own', async () => {
      const accountsPage = await connector.listAccounts(null, 2);
      const entitlements = await collectAll(connector.listEntitlements.bind(connector), 1);
      const accountsRest = accountsPage.nextCursor === null ? null : await connector.listAccounts(accountsPage.nextCursor, 2);

      expect(entitlements.map((entitlement) => entitlement.key).sort()).toEqual(['engineering', 'finance', 'solo']);
      expect(entitlements[0]).toMatchObject({ kind: 'group', displayName: entitlements[0]?.key });
      expect(accountsRest?.items.length).toBeGreaterThan(0);
    });

    it('given a listing left idle longer than allowed, or pushed out by newer listings, when continued, then its cursor is refused as expired', async () => {
      const impatient = connectorWith({ listingIdleTimeoutMs: 50, maxOpenListings: 1 });
      const idle = await impatient.listAccounts(null, 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await expectConnectorError(impatient.listAccounts(idle.nextCursor, 1), 'invalid');

      const older = await impatient.listAccounts(null, 1);
      await impatient.listEntitlements(null, 1);
      await expectConnectorError(impatient.listAccounts(older.nextCursor, 1), 'invalid');
    });

    it('given a cursor the connector never handed out, when used, then it is an invalid request that says to start again', async () => {
      const error = await expectConnectorError(connector.listAccounts('accounts:no-such-listing:1', 5), 'invalid');

      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/start the listing again/);
    });
  });

  describe('errors', () => {
    it('given a wrong bind password, when it connects, then the error is auth and not retryable', async () => {
      const { settings } = ldapSettingsFor(slapd);
      const wrong = createLdapConnector(settings, { 'ldap-bind-password': 'not the password' });
      connectors.push(wrong);

      expect((await expectConnectorError(wrong.testConnection(), 'auth')).retryable).toBe(false);
      await expectConnectorError(wrong.getAccount('ada'), 'auth');
      await expectConnectorError(wrong.listAccounts(null, 10), 'auth');
    });

    it('given nothing listening at the URL, when it connects, then the directory is unavailable and a retry may help', async () => {
      const closed = await startSlapd();
      const url = closed.url;
      await closed.stop();
      const unreachable = connectorWith({ url, connectTimeoutMs: 2_000 });

      expect((await expectConnectorError(unreachable.testConnection(), 'unavailable')).retryable).toBe(true);
    });

    it('given the directory goes away and comes back, when operations run, then they are unavailable meanwhile and work again after', async () => {
      const flaky = await startSlapd();
      const port = Number(new URL(flaky.url).port);
      const survivor = connectorWith({}, flaky);
      await survivor.createAccount(contractAccountSpec('before'));

      await flaky.stop();
      expect((await expectConnectorError(survivor.getAccount('before'), 'unavailable')).retryable).toBe(true);

      const restarted = await startSlapd({ port });
      try {
        expect(await survivor.getAccount('before')).toBeNull();
        await survivor.createAccount(contractAccountSpec('after'));
        expect(await survivor.getAccount('after')).toMatchObject({ userName: 'after', enabled: true });
      } finally {
        await restarted.stop();
      }
    });

    it('given a group that does not exist, when granted, then not-found; when revoked, then success', async () => {
      await connector.createAccount(contractAccountSpec('grace'));

      await expectConnectorError(connector.grant('grace', 'no-such-group'), 'not-found');
      await connector.revoke('grace', 'no-such-group');
      await expectConnectorError(connector.grant('nobody-here', 'engineering'), 'not-found');
    });

    it('given a users base that does not exist, when the connection is tested, then not-found names the setting', async () => {
      const misplaced = connectorWith({ usersBase: `ou=staff,${slapd.suffix}` });

      const error = await expectConnectorError(misplaced.testConnection(), 'not-found');

      expect(error.message).toMatch(/usersBase ou=staff/);
      await connector.testConnection();
    });

    it('given settings that are not valid, when the connector is created, then invalid says what to fix', () => {
      const { settings, secrets } = ldapSettingsFor(slapd, { url: 'http://example.test', identityIdAttribute: 'uid' });

      expect(() => createLdapConnector(settings, secrets)).toThrow(ConnectorError);
      expect(() => createLdapConnector(settings, secrets)).toThrow(/url[\s\S]*identityIdAttribute/);
      expect(() => createLdapConnector(ldapSettingsFor(slapd).settings, {})).toThrow(/secret "ldap-bind-password"/);
    });
  });

  describe('attributes', () => {
    it('given a spec, when created and updated, then the entry holds the inetOrgPerson attributes and the identity id in description', async () => {
      const lovelace = { givenName: 'Ada', familyName: 'Lovelace', displayName: 'Ada Lovelace', employeeNumber: 'E-1815' };
      await connector.createAccount(contractAccountSpec('attrs', lovelace));
      const updated = await connector.updateAccount('attrs', { email: 'new@example.test', givenName: '', identityId: 'identity-42' });

      expect(updated).toMatchObject({
        userName: 'attrs',
        email: 'new@example.test',
        displayName: 'Ada Lovelace',
        employeeNumber: 'E-1815',
      });
      const entry = await asDirectoryAdministrator(slapd, async (client) => {
        const { searchEntries } = await client.search(`uid=attrs,${slapd.usersBase}`, { scope: 'base' });
        return searchEntries[0];
      });
      expect(entry).toMatchObject({ cn: 'Ada Lovelace', sn: 'Lovelace', mail: 'new@example.test', description: 'identity-42' });
      expect(entry?.['givenName']).toBeUndefined();
      await expectConnectorError(connector.updateAccount('missing', { email: 'x@example.test' }), 'not-found');
    });
  });
});
