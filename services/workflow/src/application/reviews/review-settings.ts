import { loadConfig } from '@tenure/platform';
import { reviewConfigSchema } from '../../config';

export interface ReviewSettings {
  /** Campaigns remind reviewers with pending items this often unless they say otherwise. */
  readonly reminderHours: number;
  /** How long a mover review stays open before unconfirmed access is revoked. */
  readonly moverReviewDays: number;
  /** How long the owner has to review a break-glass grant. */
  readonly breakGlassReviewHours: number;
  /** How often the reminder and deadline timers look for due work. */
  readonly timerPollMs: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  reminderHours: 24,
  moverReviewDays: 7,
  breakGlassReviewHours: 24,
  timerPollMs: 1_000,
};

/** The settings from the environment (WORKFLOW_REVIEW_*, WORKFLOW_MOVER_REVIEW_DAYS, WORKFLOW_BREAK_GLASS_REVIEW_HOURS; see config.ts). */
export function reviewSettingsFrom(env: NodeJS.ProcessEnv): ReviewSettings {
  const config = loadConfig(reviewConfigSchema, env);
  return {
    ...DEFAULT_REVIEW_SETTINGS,
    reminderHours: config.WORKFLOW_REVIEW_REMINDER_HOURS,
    moverReviewDays: config.WORKFLOW_MOVER_REVIEW_DAYS,
    breakGlassReviewHours: config.WORKFLOW_BREAK_GLASS_REVIEW_HOURS,
  };
}
