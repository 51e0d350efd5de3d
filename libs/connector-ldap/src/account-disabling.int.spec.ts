import { collectAll, contractAccountSpec } from '@tenure/connector-contract';
import type { Connector } from '@tenure/connector-sdk';
import { createLdapConnector } from './index';
import { asDirectoryAdministrator, canSignIn, ldapSettingsFor, setUserPassword, startSlapd, type RunningSlapd } from './testing';

describe('LDAP connector disabling by tagging the password (the default method)', () => {
  let slapd: RunningSlapd;
  let connector: Connector;

  beforeAll(async () => {
    slapd = await startSlapd();
    const { settings, secrets } = ldapSettingsFor(slapd);
    connector = createLdapConnector(settings, secrets);
  });

  afterAll(async () => {
    await connector?.close();
    await slapd?.stop();
  });

  it('given an account with a password, when it is disabled, then the user cannot sign in, and when enabled again the same password works', async () => {
    await connector.createAccount(contractAccountSpec('ada'));
    await setUserPassword(slapd, 'ada', 'correct horse battery');
    expect(await canSignIn(slapd, 'ada', 'correct horse battery')).toBe(true);

    await connector.disableAccount('ada');
    await connector.disableAccount('ada');

    expect(await canSignIn(slapd, 'ada', 'correct horse battery')).toBe(false);
    expect(await connector.getAccount('ada')).toMatchObject({ enabled: false });

    await connector.enableAccount('ada');
    await connector.enableAccount('ada');

    expect(await canSignIn(slapd, 'ada', 'correct horse battery')).toBe(true);
    expect(await connector.getAccount('ada')).toMatchObject({ enabled: true });
  });

  it('given a disabled account, when someone signs in with the stored value itself, then the directory refuses it', async () => {
    await connector.createAccount(contractAccountSpec('mallory'));
    await setUserPassword(slapd, 'mallory', 'hunter2');
    await connector.disableAccount('mallory');

    expect(await canSignIn(slapd, 'mallory', '{DISABLED}hunter2')).toBe(false);
    expect(await canSignIn(slapd, 'mallory', 'hunter2')).toBe(false);
  });

  it('given an account that never had a password, when disabled and enabled, then it is reported so and still has no password', async () => {
    await connector.createAccount(contractAccountSpec('nopass'));

    await connector.disableAccount('nopass');
    expect(await connector.getAccount('nopass')).toMatchObject({ enabled: false });

    await connector.enableAccount('nopass');
    expect(await connector.getAccount('nopass')).toMatchObject({ enabled: true });
    const passwords = await asDirectoryAdministrator(slapd, async (client) => {
      const { searchEntries } = await client.search(`uid=nopass,${slapd.usersBase}`, { scope: 'base', attributes: ['userPassword'] });
      return searchEntries[0]?.['userPassword'];
    });
    expect(passwords).toEqual([]);
  });

  it('given a disabled account, when it is created again, then it is brought in line with the spec and enabled', async () => {
    await connector.createAccount(contractAccountSpec('rehire'));
    await setUserPassword(slapd, 'rehire', 'welcome back');
    await connector.disableAccount('rehire');

    const account = await connector.createAccount(
      contractAccountSpec('rehire', { displayName: 'Ada King', email: 'ada.king@example.test' }),
    );

    expect(account).toMatchObject({ enabled: true, displayName: 'Ada King', email: 'ada.king@example.test' });
    expect(await canSignIn(slapd, 'rehire', 'welcome back')).toBe(true);
  });
});

describe('LDAP connector disabling with the ppolicy overlay', () => {
  let slapd: RunningSlapd;
  let connector: Connector;

  beforeAll(async () => {
    slapd = await startSlapd({ ppolicy: true });
    const { settings, secrets } = ldapSettingsFor(slapd, { disable: { method: 'ppolicy' } });
    connector = createLdapConnector(settings, secrets);
  });

  afterAll(async () => {
    await connector?.close();
    await slapd?.stop();
  });

  it('given an account with a password, when it is disabled, then the account is locked and cannot sign in, and enabling unlocks it', async () => {
    await connector.createAccount(contractAccountSpec('locked'));
    await setUserPassword(slapd, 'locked', 'open sesame');

    await connector.disableAccount('locked');
    await connector.disableAccount('locked');

    expect(await canSignIn(slapd, 'locked', 'open sesame')).toBe(false);
    const listed = await collectAll(connector.listAccounts.bind(connector), 10);
    expect(listed.find((account) => account.userName === 'locked')).toMatchObject({ enabled: false });

    await connector.enableAccount('locked');

    expect(await canSignIn(slapd, 'locked', 'open sesame')).toBe(true);
    expect(await connector.getAccount('locked')).toMatchObject({ enabled: true });
  });
});
