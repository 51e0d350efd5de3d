import { loadConfig } from '@tenure/platform';
import { reconciliationConfigSchema } from '../config';
import type { ReconciliationOptions } from './reconciliation-service';

export interface ReconciliationSettings {
  /** Check for due scheduled runs every this many ms; null: no scheduler in this process. */
  readonly schedulerCheckMs: number | null;
  /** Look for runs a stopped instance left running (and end them as abandoned) every this many ms. */
  readonly interruptedRunSweepMs: number;
  readonly options: Partial<ReconciliationOptions>;
}

export const DEFAULT_RECONCILIATION_SETTINGS: ReconciliationSettings = {
  schedulerCheckMs: 60_000,
  interruptedRunSweepMs: 30_000,
  options: {},
};

/** The settings from the environment (CONNECTOR_RECONCILIATION_*, see config.ts). */
export function reconciliationSettingsFrom(env: NodeJS.ProcessEnv): ReconciliationSettings {
  const config = loadConfig(reconciliationConfigSchema, env);
  return {
    schedulerCheckMs: config.CONNECTOR_RECONCILIATION_SCHEDULER === 'on' ? config.CONNECTOR_RECONCILIATION_CHECK_MS : null,
    interruptedRunSweepMs: config.CONNECTOR_RECONCILIATION_SWEEP_MS,
    options: { pageSize: config.CONNECTOR_RECONCILIATION_PAGE_SIZE, settleMinutes: config.CONNECTOR_RECONCILIATION_SETTLE_MINUTES },
  };
}
