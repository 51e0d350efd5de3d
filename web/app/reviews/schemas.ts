import { z } from 'zod';

const comment = z.string().trim().max(2000, 'The comment can be at most 2,000 characters.').default('');

function commentToRevoke(value: { decision: 'KEEP' | 'REVOKE'; comment: string }, context: z.RefinementCtx) {
  if (value.decision === 'REVOKE' && value.comment.length === 0) {
    context.addIssue({ code: 'custom', path: ['comment'], message: 'Say why the access should go: a comment is required to revoke.' });
  }
}

/** One item kept or revoked. */
export const itemDecisionSchema = z
  .object({
    itemId: z.string().min(1, 'The item is missing; reload the page.'),
    campaignId: z.string().min(1, 'The campaign is missing; reload the page.'),
    decision: z.enum(['KEEP', 'REVOKE'], { message: 'Choose Keep or Revoke.' }),
    comment,
  })
  .superRefine(commentToRevoke);

/** The same decision for several items; each item is "itemId|campaignId". */
export const bulkDecisionSchema = z
  .object({
    items: z
      .array(z.string().regex(/^[^|]+\|[^|]+$/, 'An item could not be read; reload the page.'))
      .min(1, 'Select at least one item.')
      .max(200, 'Decide at most 200 items at once.'),
    decision: z.enum(['KEEP', 'REVOKE'], { message: 'Choose Keep or Revoke.' }),
    comment,
  })
  .superRefine(commentToRevoke);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A campaign an administrator starts over an application, an entitlement or a manager's organisation. */
export const startCampaignSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name.').max(200, 'The name can be at most 200 characters.'),
    scopeKind: z.enum(['APPLICATION', 'ENTITLEMENT', 'MANAGER'], { message: 'Choose what to review.' }),
    applicationId: optionalText,
    entitlementKey: optionalText,
    managerEmployeeNumber: optionalText,
    reviewer: z.enum(['MANAGER', 'ENTITLEMENT_OWNER'], { message: 'Choose who reviews.' }),
    deadline: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return undefined;
        // datetime-local gives "2026-12-10T17:00"; the label says it is UTC.
        const instant = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
        if (Number.isNaN(instant.getTime())) {
          context.addIssue({ code: 'custom', message: 'Give the deadline as a date and time, e.g. 2026-12-10 17:00.' });
          return z.NEVER;
        }
        return instant.toISOString();
      }),
    defaultAction: z.enum(['REVOKE', 'KEEP'], { message: 'Choose what happens to undecided items.' }),
    reminderHours: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return undefined;
        const hours = Number(value);
        if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30) {
          context.addIssue({ code: 'custom', message: 'Reminders: a whole number of hours from 1 to 720.' });
          return z.NEVER;
        }
        return hours;
      }),
  })
  .superRefine((value, context) => {
    if ((value.scopeKind === 'APPLICATION' || value.scopeKind === 'ENTITLEMENT') && !value.applicationId) {
      context.addIssue({ code: 'custom', path: ['applicationId'], message: 'Choose the application to review.' });
    }
    if (value.scopeKind === 'ENTITLEMENT' && !value.entitlementKey) {
      context.addIssue({ code: 'custom', path: ['entitlementKey'], message: 'Give the entitlement’s key, e.g. payment-approve.' });
    }
    if (value.scopeKind === 'MANAGER' && !value.managerEmployeeNumber) {
      context.addIssue({ code: 'custom', path: ['managerEmployeeNumber'], message: 'Give the manager’s employee number.' });
    }
  });

export type StartCampaign = z.output<typeof startCampaignSchema>;
