import { SimulatedSaasConnector } from './simulated-saas-connector';
import type { SimulatedTime } from './simulated-network';
import { parseSimulatedSaasSettings } from './simulated-settings';
import { sharedSimulatedTargets, type SimulatedTargets } from './simulated-targets';

export interface SimulatedSaasOptions {
  /** Where the applications' data lives; default: the process-wide `sharedSimulatedTargets`. */
  readonly targets?: SimulatedTargets;
  /** Clock and sleep for latency and rate limits; default: real time. */
  readonly time?: SimulatedTime;
}

/**
 * A connector to the simulated SaaS application the settings name. Settings are validated
 * (a ConnectorError `invalid` says what is wrong); a simulated application has no credentials.
 */
export function createSimulatedSaasConnector(settings: unknown, options: SimulatedSaasOptions = {}): SimulatedSaasConnector {
  const parsed = parseSimulatedSaasSettings(settings);
  const target = (options.targets ?? sharedSimulatedTargets).open(parsed.application, parsed.entitlements);
  return new SimulatedSaasConnector(target, parsed, options.time);
}
