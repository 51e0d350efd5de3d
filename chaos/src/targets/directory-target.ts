import { asDirectoryAdministrator, createGroups, startSlapd, type RunningSlapd } from '@tenure/connector-ldap/testing';
import type { Dice } from '../random';
import { TcpFaultProxy, type TcpFaultRates } from '../faults/tcp-fault-proxy';
import { ProxiedTarget, TargetStateBuilder, type ChaosTarget, type TargetState } from './target-state';

const DISABLED_TAG = '{DISABLED}';
const GROUPS = { birthright: ['staff', 'finance'], requestable: ['on-call'] } as const;

/**
 * A real OpenLDAP directory (slapd): `inetOrgPerson` accounts, `groupOfNames` entitlements, accounts
 * disabled by the `{DISABLED}` password tag. Tenure reaches it through a TCP fault proxy.
 */
export class DirectoryTarget extends ProxiedTarget<TcpFaultProxy> implements ChaosTarget {
  readonly applicationId = 'chaos-directory';
  readonly birthright: readonly string[] = GROUPS.birthright;
  readonly requestable: readonly string[] = GROUPS.requestable;

  private constructor(
    private readonly slapd: RunningSlapd,
    proxy: TcpFaultProxy,
  ) {
    super(proxy);
  }

  static async start(dice: Dice, rates: TcpFaultRates): Promise<DirectoryTarget> {
    const slapd = await startSlapd();
    await createGroups(slapd, [...GROUPS.birthright, ...GROUPS.requestable]);
    const url = new URL(slapd.url);
    const proxy = await TcpFaultProxy.start({ host: url.hostname, port: Number(url.port) }, dice, rates);
    return new DirectoryTarget(slapd, proxy);
  }

  get env(): Readonly<Record<string, string>> {
    return { CHAOS_LDAP_URL: `ldap://127.0.0.1:${this.proxy.port}`, CHAOS_LDAP_PASSWORD: this.slapd.rootPassword };
  }

  applicationEntry(owner: string): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: 'Directory (real OpenLDAP, behind the chaos proxy)',
      connectorType: 'ldap',
      owner,
      settings: {
        url: { env: 'CHAOS_LDAP_URL' },
        bindDn: this.slapd.rootDn,
        bindPasswordSecret: 'bind-password',
        usersBase: this.slapd.usersBase,
        groupsBase: this.slapd.groupsBase,
        operationTimeoutMs: 3_000,
        connectTimeoutMs: 2_000,
      },
      credentials: { 'bind-password': { env: 'CHAOS_LDAP_PASSWORD' } },
      catalog: this.requestable.map((key) => ({ key, owner, risk: 'medium', requestable: true })),
    };
  }

  async read(userPrefix: string): Promise<TargetState> {
    const state = new TargetStateBuilder();
    const uidOf = (dn: string): string | undefined => /^uid=([^,]+),/i.exec(dn)?.[1];
    await asDirectoryAdministrator(this.slapd, async (client) => {
      const people = await client.search(this.slapd.usersBase, {
        scope: 'one',
        filter: `(uid=${userPrefix}*)`,
        attributes: ['uid', 'userPassword'],
      });
      for (const entry of people.searchEntries) {
        const passwords = [entry['userPassword'] ?? []].flat().map(String);
        state.account(String(entry['uid']), !passwords.some((value) => value.startsWith(DISABLED_TAG)));
      }
      const groups = await client.search(this.slapd.groupsBase, {
        scope: 'one',
        filter: '(objectClass=groupOfNames)',
        attributes: ['cn', 'member'],
      });
      for (const group of groups.searchEntries) {
        for (const member of [group['member'] ?? []].flat().map(String)) {
          const uid = uidOf(member);
          if (uid?.startsWith(userPrefix)) state.member(uid, String(group['cn']));
        }
      }
    });
    return state.build();
  }

  async close(): Promise<void> {
    await this.proxy.close();
    await this.slapd.stop();
  }
}
