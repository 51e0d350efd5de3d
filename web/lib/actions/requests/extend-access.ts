'use server';

import { redirect } from 'next/navigation';
import { extendAccessSchema } from '../../forms/request-forms';
import { graphql } from '../../graphql';
import { formAction } from '../form-action';
import type { FormState } from '../form-state';

const EXTEND_ACCESS = /* GraphQL */ `
  mutation ExtendAccess($input: ExtendAccessInput!) {
    extendAccess(input: $input) {
      id
      status
    }
  }
`;

const extend = formAction(extendAccessSchema, async (input) => {
  const { extendAccess } = await graphql<{ extendAccess: { id: string; status: string } }>(EXTEND_ACCESS, { input });
  // An extension is a new request through policy and approvals: open it.
  redirect(`/requests?request=${encodeURIComponent(extendAccess.id)}&created=1`);
});

/** Asks for more time on granted access. */
export async function extendAccessAction(previous: FormState, formData: FormData): Promise<FormState> {
  return extend(previous, formData);
}
