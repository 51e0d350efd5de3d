import { serviceConfigSchema } from '@tenure/service-runtime';
import { z } from 'zod';

const positive = (max: number) => z.coerce.number().positive().max(max);

/**
 * Access reviews: how often reviewers with pending items are reminded, how long a mover review
 * stays open (then unconfirmed access is revoked), how long a break-glass review stays open.
 */
export const reviewConfigSchema = z.object({
  WORKFLOW_REVIEW_REMINDER_HOURS: positive(24 * 365).default(24),
  WORKFLOW_MOVER_REVIEW_DAYS: positive(365).default(7),
  WORKFLOW_BREAK_GLASS_REVIEW_HOURS: positive(24 * 365).default(24),
});

/** Access requests: how long an approval step waits before it escalates, and the longest break-glass grant. */
export const requestConfigSchema = z.object({
  WORKFLOW_APPROVAL_ESCALATION_HOURS: positive(24 * 365).default(48),
  WORKFLOW_BREAK_GLASS_MAX_HOURS: positive(24 * 365).default(4),
});

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/**
 * Notifications (docs/notifications.md). A channel without its settings is off: email needs
 * SMTP_URL, Slack needs SLACK_BOT_TOKEN. PORTAL_URL is where links in messages point.
 */
export const notificationConfigSchema = z.object({
  SMTP_URL: optionalText.refine((value) => value === undefined || /^smtps?:\/\//.test(value), {
    message: 'SMTP_URL must look like smtp://host:port or smtps://host:port',
  }),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  NOTIFICATIONS_EMAIL_FROM: optionalText.default('Tenure <tenure@localhost>'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_API_URL: optionalText,
  PORTAL_URL: optionalText.default('http://localhost:3000'),
  NOTIFICATIONS_EXPIRY_WARNING_HOURS: positive(24 * 365).default(24),
  NOTIFICATIONS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
});

/** The workflow service's environment: what every service reads, with its own default port, and the reviews' settings. */
export const workflowConfigSchema = serviceConfigSchema({ port: 4103 }).extend({
  ...reviewConfigSchema.shape,
  ...requestConfigSchema.shape,
  ...notificationConfigSchema.shape,
});
