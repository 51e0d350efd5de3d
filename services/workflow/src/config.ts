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

/** The workflow service's environment: what every service reads, with its own default port, and the reviews' settings. */
export const workflowConfigSchema = serviceConfigSchema({ port: 4103 }).extend({
  ...reviewConfigSchema.shape,
  ...requestConfigSchema.shape,
});
