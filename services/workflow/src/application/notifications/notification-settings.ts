import { loadConfig } from '@tenure/platform';
import { notificationConfigSchema } from '../../config';
import type { NotificationChannel } from '../../domain/notifications';

export interface EmailSettings {
  /** smtp://host:port or smtps://host:port (nodemailer's SMTP transport). */
  readonly smtpUrl: string;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
}

export interface SlackSettings {
  readonly botToken: string;
  /** Base URL of the Web API (tests point it at a local stand-in); Slack's own when absent. */
  readonly apiUrl?: string;
}

export interface NotificationSettings {
  /** Absent: email is not configured, nothing is sent by email. */
  readonly email?: EmailSettings;
  /** Absent: Slack is not configured. */
  readonly slack?: SlackSettings;
  /** Links in messages point here (the portal's pages for the item). */
  readonly portalUrl: string;
  /** How long before a time-bound grant ends its holder is warned. */
  readonly expiryWarningMs: number;
  /** Sending attempts per message before it is recorded as failed (retries back off in between). */
  readonly maxAttempts: number;
  /** How often the delivery worker looks for messages to send. */
  readonly deliveryPollMs: number;
  /** Delay before the next attempt after `attempt` failures; default doubles from 1 s to 5 min. */
  readonly retryDelayMs?: (attempt: number) => number;
}

const DEFAULT_FROM = 'Tenure <tenure@localhost>';

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  portalUrl: 'http://localhost:3000',
  expiryWarningMs: 24 * 3_600_000,
  maxAttempts: 8,
  deliveryPollMs: 1_000,
};

/** The settings from the environment (SMTP_URL, SLACK_BOT_TOKEN... see config.ts). */
export function notificationSettingsFrom(env: NodeJS.ProcessEnv): NotificationSettings {
  const config = loadConfig(notificationConfigSchema, env);
  return {
    ...DEFAULT_NOTIFICATION_SETTINGS,
    email: config.SMTP_URL
      ? {
          smtpUrl: config.SMTP_URL,
          user: config.SMTP_USER,
          password: config.SMTP_PASSWORD,
          // An empty variable means "not set": the default, not an empty sender.
          from: config.NOTIFICATIONS_EMAIL_FROM ?? DEFAULT_FROM,
        }
      : undefined,
    slack: config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL } : undefined,
    portalUrl: config.PORTAL_URL ?? DEFAULT_NOTIFICATION_SETTINGS.portalUrl,
    expiryWarningMs: config.NOTIFICATIONS_EXPIRY_WARNING_HOURS * 3_600_000,
    maxAttempts: config.NOTIFICATIONS_MAX_ATTEMPTS,
  };
}

/** The channels these settings configure, in a stable order. */
export function configuredChannels(settings: NotificationSettings): NotificationChannel[] {
  return [...(settings.email ? (['email'] as const) : []), ...(settings.slack ? (['slack'] as const) : [])];
}
