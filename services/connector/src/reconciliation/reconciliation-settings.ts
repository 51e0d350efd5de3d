import { loadConfig } from '@tenure/platform';
import { reconciliationConfigSchema } from '../config';
import type { ReconciliationOptions } from './reconciliation-service';

export interface ReconciliationSettings {
  /** Check for due scheduled runs every this many ms; null: no scheduler in this process. */
  readonly schedulerCheckMs: number | null;
  readonly options: Partial<ReconciliationOptions>;
}

export const DEFAULT_RECONCILIATION_SETTINGS: ReconciliationSettings = { schedulerCheckMs: 60_000, options: {} };

/** The settings from the environment (CONNECTOR_RECONCILIATION_*, see config.ts). */
export function reconciliationSettingsFrom(env: NodeJS.ProcessEnv): ReconciliationSettings {
  const config = loadConfig(reconciliationConfigSchema, env);
  return {
    schedulerCheckMs: config.CONNECTOR_RECONCILIATION_SCHEDULER === 'on' ? config.CONNECTOR_RECONCILIATION_CHECK_MS : null,
    options: { pageSize: config.CONNECTOR_RECONCILIATION_PAGE_SIZE, settleMinutes: config.CONNECTOR_RECONCILIATION_SETTLE_MINUTES },
  };
}
