'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql } from '@/lib/graphql';

const reconcileSchema = z.object({ applicationId: z.string().trim().min(1, 'The application is missing; reload the page.') });

const reconcile = formAction(reconcileSchema, async ({ applicationId }): Promise<FormState> => {
  const { runReconciliation: run } = await graphql<{ runReconciliation: { id: string; status: string } }>(
    'mutation RunReconciliation($applicationId: ID!) { runReconciliation(applicationId: $applicationId) { id status } }',
    { applicationId },
  );
  redirect(`/admin/applications/${encodeURIComponent(applicationId)}?started=${encodeURIComponent(run.id)}`);
});

/** Starts reconciling the application now (runReconciliation); refused while a run is under way. */
export async function runReconciliation(previous: FormState, formData: FormData): Promise<FormState> {
  return reconcile(previous, formData);
}
