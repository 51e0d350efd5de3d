'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql } from '@/lib/graphql';
import { holdDecisionSchema } from './schemas';

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
