'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { holdDecisionSchema, unnamedRowsErasureSchema } from './schemas';

const MUTATIONS = {
  'import.confirm': 'mutation ConfirmImport($id: ID!) { decided: confirmHrImport(runId: $id) { id status } }',
  'import.discard':
    'mutation DiscardImport($id: ID!, $reason: String!) { decided: discardHrImport(runId: $id, reason: $reason) { id status } }',
  'burst.confirm': 'mutation ConfirmBurst($id: ID!) { decided: confirmHrFeedHold(id: $id) { id status } }',
  'burst.discard':
    'mutation DiscardBurst($id: ID!, $reason: String!) { decided: discardHrFeedHold(id: $id, reason: $reason) { id status } }',
} as const;

const decide = formAction(holdDecisionSchema, async ({ kind, id, decision, reason }): Promise<FormState> => {
  const { decided } = await graphql<{ decided: { id: string; status: string } }>(MUTATIONS[`${kind}.${decision}`], {
    id,
    ...(decision === 'discard' ? { reason } : {}),
  });
  redirect(`/admin/hr-imports?decided=${encodeURIComponent(decided.id)}&kind=${kind}&status=${encodeURIComponent(decided.status)}`);
});

/** Confirms or discards a held import run (confirmHrImport / discardHrImport) or a held HR feed burst (confirmHrFeedHold / discardHrFeedHold). */
export async function decideHeldChanges(previous: FormState, formData: FormData): Promise<FormState> {
  return decide(previous, formData);
}

const ERASE_UNNAMED_ROWS =
  'mutation EraseHrImportUnnamedRows($runId: ID!, $legalReference: String!) { erased: eraseHrImportUnnamedRows(runId: $runId, legalReference: $legalReference) { id unnamedRowsErasedAt } }';

const eraseUnnamed = formAction(unnamedRowsErasureSchema, async ({ runId, legalReference, after }): Promise<FormState> => {
  const { erased } = await graphql<{ erased: { id: string; unnamedRowsErasedAt: string | null } }>(ERASE_UNNAMED_ROWS, {
    runId,
    legalReference,
  });
  redirect(hrefWith('/admin/hr-imports', {}, { after, unnamedRowsErased: erased.id }));
});

/** Erases the rejected rows of an import run that have no employee number, on legal request (eraseHrImportUnnamedRows; administrators only). */
export async function eraseUnnamedRows(previous: FormState, formData: FormData): Promise<FormState> {
  return eraseUnnamed(previous, formData);
}
