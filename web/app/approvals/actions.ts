'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql } from '@/lib/graphql';
import { decisionSchema } from './decision-schema';

const decide = formAction(decisionSchema, async ({ requestId, decision, comment }): Promise<FormState> => {
  const mutation =
    decision === 'approve'
      ? 'mutation Approve($id: ID!, $comment: String!) { decided: approveRequest(id: $id, comment: $comment) { id status } }'
      : 'mutation Deny($id: ID!, $comment: String!) { decided: denyRequest(id: $id, comment: $comment) { id status } }';
  const { decided } = await graphql<{ decided: { id: string; status: string } }>(mutation, { id: requestId, comment });
  // Back to the inbox, freshly read: the request has left it (or moved to its next step).
  redirect(`/approvals?decided=${encodeURIComponent(decided.id)}&decision=${decision}&status=${encodeURIComponent(decided.status)}`);
});

/** Approves or denies one access request (approveRequest / denyRequest) with the approver's comment. */
export async function decideRequest(previous: FormState, formData: FormData): Promise<FormState> {
  return decide(previous, formData);
}
