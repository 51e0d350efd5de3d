import type { AccountSpec, Connector, ConnectorCapabilities, TargetAccount, TargetGrant } from '@tenure/connector-sdk';
import { contractAccountSpec, TestUserNames, type UserNameScope } from './contract-accounts';
import { collectAll } from './paging';

/** What a connector's integration test hands to the contract suite. */
export interface ConnectorUnderTest {
  /** Connected to the real target, with credentials allowed to manage the test accounts and entitlements. */
  connector: Connector;
  /** At least two entitlement keys that exist in the target (the suite grants and revokes them). */
  entitlementKeys: readonly [string, string];
  /**
   * A fresh user-name prefix so repeated runs do not collide: lowercase letters and digits, starting
   * with a letter, at most 20 characters (e.g. `ct` plus a few random characters). The suite builds
   * names like `<prefix>12x3` from it.
   */
  prefix: string;
  /** A connector built with wrong credentials, or null if the target has none. */
  withBadCredentials: (() => Promise<Connector>) | null;
  /** Removes whatever the test set up (entitlements, leftover accounts) and closes the connector. */
  cleanup(): Promise<void>;
}

export type Capability = keyof ConnectorCapabilities;

/** How long one contract test may take: real targets (a directory, a SaaS API) can be slow. */
export const CONTRACT_TEST_TIMEOUT_MS = 30_000;

/** The state shared by the tests of one `describeConnectorContract` block. */
export class ContractRun {
  private current: ConnectorUnderTest | null = null;
  private names: TestUserNames | null = null;
  private readonly created = new Set<string>();

  async start(setup: () => Promise<ConnectorUnderTest>): Promise<void> {
    this.current = await setup();
    this.names = new TestUserNames(this.current.prefix);
  }

  get subject(): ConnectorUnderTest {
    if (!this.current) throw new Error('the connector under test was not set up (did setup() fail?)');
    return this.current;
  }

  get connector(): Connector {
    return this.subject.connector;
  }

  get entitlementKeys(): readonly [string, string] {
    return this.subject.entitlementKeys;
  }

  /** A test whose operations the connector does not declare passes without running: the capability test covers it. */
  supports(...capabilities: readonly Capability[]): boolean {
    return capabilities.every((capability) => this.connector.capabilities[capability]);
  }

  scope(): UserNameScope {
    if (!this.names) throw new Error('the connector under test was not set up (did setup() fail?)');
    return this.names.scope();
  }

  /** Creates an account the suite deletes after the test. */
  async createAccount(userName: string, overrides: Partial<Omit<AccountSpec, 'userName'>> = {}): Promise<TargetAccount> {
    this.created.add(userName);
    return this.connector.createAccount(contractAccountSpec(userName, overrides));
  }

  /** Remembers an account created directly through the connector, so it is deleted after the test. */
  track(userName: string): void {
    this.created.add(userName);
  }

  async grantsOf(userName: string): Promise<TargetGrant[]> {
    const grants = await collectAll(this.connector.listGrants.bind(this.connector), 100);
    return grants.filter((grant) => grant.userName === userName);
  }

  async deleteCreatedAccounts(): Promise<void> {
    const userNames = [...this.created];
    this.created.clear();
    if (!this.current || !this.supports('deleteAccount')) return;
    for (const userName of userNames) {
      try {
        await this.connector.deleteAccount(userName);
      } catch {
        // Best effort: the connector's own cleanup() removes whatever a failed test left behind.
      }
    }
  }

  async finish(): Promise<void> {
    await this.deleteCreatedAccounts();
    const subject = this.current;
    this.current = null;
    await subject?.cleanup();
  }
}
