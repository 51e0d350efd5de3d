'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql } from '@/lib/graphql';

const publishSchema = z.object({
  note: z
    .string()
    .trim()
    .min(1, 'Say why you publish: the note is the version’s history.')
    .max(2000, 'The note can be at most 2,000 characters.'),
});

const publish = formAction(publishSchema, async ({ note }): Promise<FormState> => {
  const { publishPolicyDraft: version } = await graphql<{ publishPolicyDraft: { version: number } }>(
    'mutation PublishPolicyDraft($note: String!) { publishPolicyDraft(note: $note) { version } }',
    { note },
  );
  redirect(`/admin/policies?published=${version.version}`);
});

/** Publishes the draft as the next policy version (publishPolicyDraft) with the administrator's note. */
export async function publishPolicyDraft(previous: FormState, formData: FormData): Promise<FormState> {
  return publish(previous, formData);
}
