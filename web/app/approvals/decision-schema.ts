import { z } from 'zod';

/** An approver's decision on one request; a denial must say why (the requester reads it). */
export const decisionSchema = z
  .object({
    requestId: z.string().min(1, 'The request is missing; reload the page.'),
    decision: z.enum(['approve', 'deny'], { message: 'Choose Approve or Deny.' }),
    comment: z.string().trim().max(2000, 'The comment can be at most 2,000 characters.').default(''),
  })
  .superRefine((value, context) => {
    if (value.decision === 'deny' && value.comment.length === 0) {
      context.addIssue({ code: 'custom', path: ['comment'], message: 'Say why you deny it: the requester reads this comment.' });
    }
  });

export type Decision = z.output<typeof decisionSchema>;
