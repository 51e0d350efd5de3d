import { loadConfig } from '@tenure/platform';
import { requestConfigSchema } from '../../config';

export interface RequestSettings {
  /** How long an approval step waits before it escalates to the approvers' managers. */
  readonly escalationMs: number;
  /** Break-glass grants last at most this long, whatever the policy allows. */
  readonly breakGlassMaxHours: number;
  /** How often the escalation timer looks for due steps. */
  readonly timerPollMs: number;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = { escalationMs: 48 * 3_600_000, breakGlassMaxHours: 4, timerPollMs: 1_000 };

/** The settings from the environment (WORKFLOW_APPROVAL_ESCALATION_HOURS, WORKFLOW_BREAK_GLASS_MAX_HOURS; see config.ts). */
export function requestSettingsFrom(env: NodeJS.ProcessEnv): RequestSettings {
  const config = loadConfig(requestConfigSchema, env);
  return {
    ...DEFAULT_REQUEST_SETTINGS,
    escalationMs: config.WORKFLOW_APPROVAL_ESCALATION_HOURS * 3_600_000,
    breakGlassMaxHours: config.WORKFLOW_BREAK_GLASS_MAX_HOURS,
  };
}
