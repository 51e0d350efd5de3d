import { z } from 'zod';

/** The workflow service's limits, repeated here so the form says so before the API does. */
export const MAX_JUSTIFICATION_LENGTH = 2_000;
export const MAX_REQUEST_HOURS = 8_784;
export const MAX_COMMENT_LENGTH = 2_000;

// Form fields arrive as text; an empty one is missing (Number('') would read it as 0).
const durationHours = z
  .string({ message: 'Enter the number of hours, e.g. 8' })
  .trim()
  .min(1, 'Enter the number of hours, e.g. 8')
  .transform(Number)
  .pipe(
    z
      .number({ message: 'Enter the number of hours as a number, e.g. 8 or 1.5' })
      .gt(0, 'The duration must be more than 0 hours')
      .max(MAX_REQUEST_HOURS, `The duration can be at most ${MAX_REQUEST_HOURS} hours (a year)`),
  );

const justification = z
  .string()
  .trim()
  .min(1, 'Say why you need this access')
  .max(MAX_JUSTIFICATION_LENGTH, `Keep the justification under ${MAX_JUSTIFICATION_LENGTH} characters`);

/** "Check policy": only the entitlement and the duration matter. */
export const checkRequestSchema = z.object({
  applicationId: z.string().trim().min(1, 'Choose an entitlement from the catalog first'),
  entitlementKey: z.string().trim().min(1, 'Choose an entitlement from the catalog first'),
  durationHours: durationHours,
});

/** "Submit request": everything requestAccess needs. */
export const requestAccessSchema = checkRequestSchema.extend({ justification });

export const cancelRequestSchema = z.object({
  requestId: z.string().trim().min(1, 'Which request? The form lost its id; reload the page'),
  reason: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH, `Keep the reason under ${MAX_COMMENT_LENGTH} characters`)
    .optional()
    .transform((reason) => (reason ? reason : undefined)),
});

export const extendAccessSchema = z.object({
  assignmentId: z.string().trim().min(1, 'Which access? The form lost its id; reload the page'),
  durationHours: durationHours,
  justification,
});

export type CheckRequestInput = z.output<typeof checkRequestSchema>;
export type RequestAccessInput = z.output<typeof requestAccessSchema>;
export type CancelRequestInput = z.output<typeof cancelRequestSchema>;
export type ExtendAccessInput = z.output<typeof extendAccessSchema>;
