import { loadConfig } from '@tenure/platform';
import { provisioningConfigSchema } from '../config';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../domain/operation';
import { DEFAULT_CIRCUIT_SETTINGS, type CircuitSettings } from './circuit-breaker';

export interface ProvisioningSettings {
  /** Run the planner and the worker in this process (off: this instance only serves the API). */
  readonly worker: boolean;
  /** Operations of one application running at once. */
  readonly concurrency: number;
  readonly retryPolicy: RetryPolicy;
  readonly circuit: CircuitSettings;
  readonly pollMs: number;
  /** How long an application's connector stays open after its last operation. */
  readonly lingerMs: number;
}

export const DEFAULT_PROVISIONING_SETTINGS: ProvisioningSettings = {
  worker: true,
  concurrency: 4,
  retryPolicy: DEFAULT_RETRY_POLICY,
  circuit: DEFAULT_CIRCUIT_SETTINGS,
  pollMs: 1_000,
  lingerMs: 1_000,
};

/** The settings from the environment (CONNECTOR_PROVISIONING_*, see config.ts). */
export function provisioningSettingsFrom(env: NodeJS.ProcessEnv): ProvisioningSettings {
  const config = loadConfig(provisioningConfigSchema, env);
  return {
    ...DEFAULT_PROVISIONING_SETTINGS,
    worker: config.CONNECTOR_PROVISIONING_WORKER === 'on',
    concurrency: config.CONNECTOR_PROVISIONING_CONCURRENCY,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.CONNECTOR_PROVISIONING_MAX_ATTEMPTS },
    pollMs: config.CONNECTOR_PROVISIONING_POLL_MS,
  };
}
