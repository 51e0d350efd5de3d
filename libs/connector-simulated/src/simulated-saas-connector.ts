import {
  ConnectorError,
  FULL_CAPABILITIES,
  type AccountChanges,
  type AccountSpec,
  type Connector,
  type ConnectorCapabilities,
  type Page,
  type TargetAccount,
  type TargetEntitlement,
  type TargetGrant,
} from '@tenure/connector-sdk';
import { SimulatedNetwork, type SimulatedTime } from './simulated-network';
import type { SimulatedSaasSettings } from './simulated-settings';
import type { SimulatedSaasTarget } from './simulated-target';

const MAX_PAGE_SIZE = 1000;

/**
 * A simulated SaaS application, for the demo and the benchmarks: not a real system. Accounts,
 * entitlements and grants live in a `SimulatedSaasTarget` in memory; every call crosses a
 * `SimulatedNetwork` with the configured latency, rate limit and seeded failures.
 */
export class SimulatedSaasConnector implements Connector {
  readonly type = 'simulated';
  readonly capabilities: ConnectorCapabilities;
  private readonly network: SimulatedNetwork;
  private closed = false;

  constructor(
    readonly target: SimulatedSaasTarget,
    settings: Omit<SimulatedSaasSettings, 'entitlements' | 'application'>,
    time?: SimulatedTime,
  ) {
    this.capabilities = { ...FULL_CAPABILITIES, ...settings.capabilities };
    this.network = new SimulatedNetwork(target.application, settings, time);
  }

  testConnection(): Promise<void> {
    return this.call(null, () => undefined);
  }

  listAccounts(cursor: string | null, pageSize: number): Promise<Page<TargetAccount>> {
    return this.call('list', () => this.target.listAccounts(cursor, checkedPageSize(pageSize)));
  }

  listEntitlements(cursor: string | null, pageSize: number): Promise<Page<TargetEntitlement>> {
    return this.call('list', () => this.target.listEntitlements(cursor, checkedPageSize(pageSize)));
  }

  listGrants(cursor: string | null, pageSize: number): Promise<Page<TargetGrant>> {
    return this.call('list', () => this.target.listGrants(cursor, checkedPageSize(pageSize)));
  }

  getAccount(userName: string): Promise<TargetAccount | null> {
    return this.call(null, () => this.target.getAccount(userName));
  }

  createAccount(spec: AccountSpec): Promise<TargetAccount> {
    return this.call('createAccount', () => this.target.upsertAccount(checkedSpec(spec)));
  }

  updateAccount(userName: string, changes: AccountChanges): Promise<TargetAccount> {
    return this.call('updateAccount', () => this.target.updateAccount(userName, changes));
  }

  disableAccount(userName: string): Promise<void> {
    return this.call('disableAccount', () => this.target.setEnabled(userName, false));
  }

  enableAccount(userName: string): Promise<void> {
    return this.call('enableAccount', () => this.target.setEnabled(userName, true));
  }

  deleteAccount(userName: string): Promise<void> {
    return this.call('deleteAccount', () => this.target.deleteAccount(userName));
  }

  grant(userName: string, entitlementKey: string): Promise<void> {
    return this.call('grant', () => this.target.grant(userName, entitlementKey));
  }

  revoke(userName: string, entitlementKey: string): Promise<void> {
    return this.call('revoke', () => this.target.revoke(userName, entitlementKey));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Capabilities and a closed connector are checked here, before anything reaches the simulated application. */
  private async call<T>(capability: keyof ConnectorCapabilities | null, work: () => T): Promise<T> {
    if (this.closed) throw new ConnectorError('internal', `the connector to simulated ${this.target.application} was closed`);
    if (capability !== null && !this.capabilities[capability]) {
      throw new ConnectorError('unsupported', `simulated ${this.target.application} is configured without ${capability}`);
    }
    return this.network.call(work);
  }
}

function checkedPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ConnectorError('invalid', `page size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  return pageSize;
}

function checkedSpec(spec: AccountSpec): AccountSpec {
  if (spec.userName.trim() === '') throw new ConnectorError('invalid', 'an account needs a user name');
  return spec;
}
