'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql } from '@/lib/graphql';
import { erasureSchema } from './erasure-schema';

const ERASE =
  'mutation ErasePersonalData($identityId: ID!, $legalReference: String!) { erasePersonalData(identityId: $identityId, legalReference: $legalReference) { id personalDataErased } }';

const erase = formAction(erasureSchema, async ({ identityId, legalReference }): Promise<FormState> => {
  await graphql<{ erasePersonalData: { id: string; personalDataErased: boolean } }>(ERASE, { identityId, legalReference });
  redirect(`/admin/identities/${encodeURIComponent(identityId)}?erased=1`);
});

/** Erases a former employee's personal data on legal request (erasePersonalData; administrators only). */
export async function erasePersonalData(previous: FormState, formData: FormData): Promise<FormState> {
  return erase(previous, formData);
}
