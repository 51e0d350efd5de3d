import { SimulatedSaasTarget } from './simulated-target';
import type { SimulatedEntitlement } from './simulated-settings';

/**
 * The simulated applications of one process, by name. Connectors built for the same application
 * share its target, as connectors to one real SaaS tenant share its data; the data lives as long
 * as the process.
 */
export class SimulatedTargets {
  private readonly targets = new Map<string, SimulatedSaasTarget>();

  /** The application's target, created on first use; entitlements from settings are (re)defined on it. */
  open(application: string, entitlements: readonly SimulatedEntitlement[]): SimulatedSaasTarget {
    let target = this.targets.get(application);
    if (!target) this.targets.set(application, (target = new SimulatedSaasTarget(application)));
    target.defineEntitlements(entitlements);
    return target;
  }

  get(application: string): SimulatedSaasTarget | null {
    return this.targets.get(application) ?? null;
  }

  /** Forgets an application's data (tests, or resetting the demo). */
  forget(application: string): void {
    this.targets.delete(application);
  }
}

/** The process-wide simulated applications used when a caller does not bring its own. */
export const sharedSimulatedTargets = new SimulatedTargets();
