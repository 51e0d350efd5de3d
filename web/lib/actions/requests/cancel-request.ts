'use server';

import { redirect } from 'next/navigation';
import { cancelRequestSchema } from '../../forms/request-forms';
import { graphql } from '../../graphql';
import { formAction } from '../form-action';
import type { FormState } from '../form-state';

const CANCEL_REQUEST = /* GraphQL */ `
  mutation CancelRequest($id: ID!, $reason: String) {
    cancelRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`;

const cancel = formAction(cancelRequestSchema, async ({ requestId, reason }) => {
  await graphql<{ cancelRequest: { id: string; status: string } }>(CANCEL_REQUEST, { id: requestId, reason: reason ?? null });
  // The form disappears with the request's new state, so the confirmation is the page's.
  redirect(`/requests?request=${encodeURIComponent(requestId)}&cancelled=1`);
});

/** Cancels a request (granted access is revoked), then shows it in its new state. */
export async function cancelRequestAction(previous: FormState, formData: FormData): Promise<FormState> {
  return cancel(previous, formData);
}
