import { Attribute, Change, Client, InvalidCredentialsError } from 'ldapts';
import type { LdapSecrets, LdapSettingsInput } from '../ldap-settings';
import { childDn } from '../dn';
import type { RunningSlapd } from './start-slapd';

/** Settings for a connector that binds as the test server's root DN. */
export function ldapSettingsFor(
  slapd: RunningSlapd,
  overrides: Partial<LdapSettingsInput> = {},
): { settings: LdapSettingsInput; secrets: LdapSecrets } {
  return {
    settings: {
      url: slapd.url,
      bindDn: slapd.rootDn,
      bindPasswordSecret: 'ldap-bind-password',
      usersBase: slapd.usersBase,
      groupsBase: slapd.groupsBase,
      ...overrides,
    },
    secrets: { 'ldap-bind-password': slapd.rootPassword },
  };
}

/** Runs `work` bound as the root DN, the way an administrator would prepare or inspect the directory. */
export async function asDirectoryAdministrator<T>(slapd: RunningSlapd, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: slapd.url, timeout: 10_000 });
  try {
    await client.bind(slapd.rootDn, slapd.rootPassword);
    return await work(client);
  } finally {
    await client.unbind();
  }
}

/** Groups (`groupOfNames` under the groups base), each holding only the groups base as placeholder member. */
export async function createGroups(slapd: RunningSlapd, keys: readonly string[]): Promise<void> {
  await asDirectoryAdministrator(slapd, async (client) => {
    for (const key of keys) {
      await client.add(childDn('cn', key, slapd.groupsBase), { objectClass: ['groupOfNames'], cn: key, member: slapd.groupsBase });
    }
  });
}

export async function groupMembers(slapd: RunningSlapd, key: string): Promise<string[]> {
  return asDirectoryAdministrator(slapd, async (client) => {
    const { searchEntries } = await client.search(childDn('cn', key, slapd.groupsBase), { scope: 'base', attributes: ['member'] });
    const members = searchEntries[0]?.['member'] ?? [];
    return (Array.isArray(members) ? members : [members]).map(String);
  });
}

/** Gives the user a password, as the organisation's password process would (stored in clear text: OpenLDAP accepts it). */
export async function setUserPassword(slapd: RunningSlapd, userName: string, password: string): Promise<void> {
  await asDirectoryAdministrator(slapd, (client) =>
    client.modify(
      childDn('uid', userName, slapd.usersBase),
      new Change({ operation: 'replace', modification: new Attribute({ type: 'userPassword', values: [password] }) }),
    ),
  );
}

/** Whether a simple bind as the user succeeds: the sign-in a disabled account must no longer have. */
export async function canSignIn(slapd: RunningSlapd, userName: string, password: string): Promise<boolean> {
  const client = new Client({ url: slapd.url, timeout: 10_000 });
  try {
    await client.bind(childDn('uid', userName, slapd.usersBase), password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw error;
  } finally {
    await client.unbind();
  }
}
