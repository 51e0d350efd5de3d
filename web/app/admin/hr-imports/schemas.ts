import { z } from 'zod';

/** An administrator's decision on a held import run or a held HR feed burst; discarding needs a reason. */
export const holdDecisionSchema = z
  .object({
    kind: z.enum(['import', 'burst'], { message: 'Unknown kind of held change; reload the page.' }),
    id: z.string().min(1, 'The held change is missing; reload the page.'),
    decision: z.enum(['confirm', 'discard'], { message: 'Choose Confirm or Discard.' }),
    reason: z.string().trim().max(2000, 'The reason can be at most 2,000 characters.').default(''),
  })
  .superRefine((value, context) => {
    if (value.decision === 'discard' && value.reason.length === 0) {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the changes are discarded: it is kept for auditors.' });
    }
  });
