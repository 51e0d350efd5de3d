import { z } from 'zod';

/** An administrator's erasure of a former employee's personal data: a legal reference, confirmed by typing the employee number. */
export const erasureSchema = z
  .object({
    identityId: z.string().min(1, 'The identity is missing; reload the page.'),
    employeeNumber: z.string().min(1, 'The identity is missing; reload the page.'),
    legalReference: z
      .string()
      .trim()
      .min(1, 'Give the legal reference of the request (case number, legal basis): it is kept for auditors.')
      .max(500, 'The legal reference can be at most 500 characters.'),
    confirmation: z.string().trim(),
  })
  .superRefine((value, context) => {
    if (value.confirmation !== value.employeeNumber) {
      context.addIssue({
        code: 'custom',
        path: ['confirmation'],
        message: `Type the employee number ${value.employeeNumber} to confirm: erasure cannot be undone.`,
      });
    }
  });
