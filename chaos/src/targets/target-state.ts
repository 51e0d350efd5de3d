import type { FaultCounter } from '../faults/fault-counts';

/** What one target holds for the people of a run, read from the target itself. */
export interface TargetState {
  /** Accounts by user name: how many the target lists under that name, and whether it can sign in. */
  readonly accounts: ReadonlyMap<string, { readonly count: number; readonly enabled: boolean }>;
  /** Memberships by `<user name> <entitlement>`: how many times the target lists the person in it. */
  readonly memberships: ReadonlyMap<string, number>;
}

export function membershipKey(userName: string, entitlement: string): string {
  return `${userName} ${entitlement}`;
}

export class TargetStateBuilder {
  private readonly accounts = new Map<string, { count: number; enabled: boolean }>();
  private readonly memberships = new Map<string, number>();

  account(userName: string, enabled: boolean): void {
    const seen = this.accounts.get(userName);
    this.accounts.set(userName, { count: (seen?.count ?? 0) + 1, enabled: (seen?.enabled ?? false) || enabled });
  }

  member(userName: string, entitlement: string): void {
    const key = membershipKey(userName, entitlement);
    this.memberships.set(key, (this.memberships.get(key) ?? 0) + 1);
  }

  build(): TargetState {
    return { accounts: this.accounts, memberships: this.memberships };
  }
}

/** What the targets' fault proxies (TCP and HTTP) have in common. */
export interface FaultProxy {
  readonly faults: FaultCounter;
  enable(): void;
  disable(): void;
  close(): Promise<void>;
}

/** A real system Tenure provisions during the run, behind a proxy that injects faults. */
export interface ChaosTarget {
  readonly applicationId: string;
  /** Entitlements birthright rules give. */
  readonly birthright: readonly string[];
  /** Entitlements people request for a short time. */
  readonly requestable: readonly string[];
  /** The application's entry in the file `connector:load` reads. */
  applicationEntry(owner: string): Record<string, unknown>;
  /** Environment variables that file names (credentials, addresses). */
  readonly env: Readonly<Record<string, string>>;
  /** Reads the state of the run's people (user names starting with `userPrefix`). */
  read(userPrefix: string): Promise<TargetState>;
  enableFaults(): void;
  disableFaults(): void;
  faultCounts(): Record<string, number>;
  close(): Promise<void>;
}

/** The part every target shares: faults switched and counted at its proxy. */
export abstract class ProxiedTarget<Proxy extends FaultProxy> {
  protected constructor(protected readonly proxy: Proxy) {}

  enableFaults(): void {
    this.proxy.enable();
  }

  disableFaults(): void {
    this.proxy.disable();
  }

  faultCounts(): Record<string, number> {
    return this.proxy.faults.snapshot();
  }
}
