import { createTestCluster, type TestCluster } from '@tenure/connector-postgresql/testing';
import type { Dice } from '../random';
import { TcpFaultProxy, type TcpFaultRates } from '../faults/tcp-fault-proxy';
import { ProxiedTarget, TargetStateBuilder, type ChaosTarget, type TargetState } from './target-state';

/**
 * A real PostgreSQL database as an ERP: its group roles are the entitlements, its login roles the
 * accounts (NOLOGIN when disabled). Tenure reaches it through a TCP fault proxy.
 */
export class ErpTarget extends ProxiedTarget<TcpFaultProxy> implements ChaosTarget {
  readonly applicationId = 'chaos-erp';

  private constructor(
    private readonly cluster: TestCluster,
    proxy: TcpFaultProxy,
  ) {
    super(proxy);
  }

  static async start(dice: Dice, rates: TcpFaultRates): Promise<ErpTarget> {
    const cluster = await createTestCluster();
    const url = new URL(cluster.database.url);
    const proxy = await TcpFaultProxy.start({ host: url.hostname, port: Number(url.port) }, dice, rates);
    return new ErpTarget(cluster, proxy);
  }

  /** The run's tag: every role name the target holds for the run contains it. */
  get tag(): string {
    return this.cluster.tag;
  }

  get birthright(): readonly string[] {
    return [this.cluster.groups[0]];
  }

  get requestable(): readonly string[] {
    return [this.cluster.groups[1]];
  }

  get env(): Readonly<Record<string, string>> {
    return { CHAOS_ERP_PORT: String(this.proxy.port), CHAOS_ERP_PASSWORD: this.cluster.password };
  }

  applicationEntry(owner: string): Record<string, unknown> {
    const { host, database, user, managedRolePrefix } = this.cluster.settings;
    return {
      id: this.applicationId,
      name: 'ERP (real PostgreSQL, behind the chaos proxy)',
      connectorType: 'postgresql',
      owner,
      settings: {
        host,
        port: { env: 'CHAOS_ERP_PORT', as: 'number' },
        database,
        user,
        passwordSecret: 'password',
        managedRolePrefix,
        poolSize: 2,
        connectTimeoutMs: 3_000,
        statementTimeoutMs: 3_000,
      },
      credentials: { password: { env: 'CHAOS_ERP_PASSWORD' } },
      catalog: this.requestable.map((key) => ({ key, owner, risk: 'medium', requestable: true })),
    };
  }

  async read(userPrefix: string): Promise<TargetState> {
    const state = new TargetStateBuilder();
    const { rows: accounts } = await this.cluster.database.pool.query<{ rolname: string; rolcanlogin: boolean }>(
      'SELECT rolname, rolcanlogin FROM pg_roles WHERE starts_with(rolname, $1)',
      [userPrefix],
    );
    for (const account of accounts) state.account(account.rolname, account.rolcanlogin);
    const { rows: memberships } = await this.cluster.database.pool.query<{ member: string; entitlement: string }>(
      `SELECT m.rolname AS member, g.rolname AS entitlement
         FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
        WHERE starts_with(m.rolname, $1) AND starts_with(g.rolname, $2)`,
      [userPrefix, this.cluster.groupPrefix],
    );
    for (const membership of memberships) state.member(membership.member, membership.entitlement);
    return state.build();
  }

  async close(): Promise<void> {
    await this.proxy.close();
    // Sessions the connector left behind would block dropping the database.
    await this.cluster.database.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [new URL(this.cluster.database.url).pathname.slice(1)],
    );
    await this.cluster.drop();
  }
}
