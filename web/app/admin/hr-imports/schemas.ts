import { z } from 'zod';
import { UNNAMED_ROWS_CONFIRMATION } from './unnamed-rows';

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

/**
 * An administrator's erasure of an import run's rejected rows without an employee number: a legal reference,
 * confirmed by typing ERASE. `after` is the page of runs to come back to.
 */
export const unnamedRowsErasureSchema = z
  .object({
    runId: z.string().min(1, 'The import run is missing; reload the page.'),
    after: z.string().default(''),
    legalReference: z
      .string()
      .trim()
      .min(1, 'Give the legal reference of the request (case number, legal basis): it is kept for auditors.')
      .max(500, 'The legal reference can be at most 500 characters.'),
    confirmation: z.string().trim(),
  })
  .superRefine((value, context) => {
    if (value.confirmation !== UNNAMED_ROWS_CONFIRMATION) {
      context.addIssue({
        code: 'custom',
        path: ['confirmation'],
        message: `Type ${UNNAMED_ROWS_CONFIRMATION} to confirm: erasure cannot be undone.`,
      });
    }
  });
