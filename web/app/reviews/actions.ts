'use server';

import { revalidatePath } from 'next/cache';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { formAction, refusalState } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { graphql, GraphqlRequestError } from '@/lib/graphql';
import { requireSession } from '@/lib/session';
import { bulkDecisionSchema, itemDecisionSchema, startCampaignSchema } from './schemas';

const DECIDE_MANY = `mutation DecideReviewItems($inputs: [DecideReviewItemInput!]!) {
  decideReviewItems(inputs: $inputs) { itemId decided errorCode errorMessage }
}`;

const decideOne = formAction(itemDecisionSchema, async ({ itemId, campaignId, decision, comment }): Promise<FormState> => {
  await graphql(
    `
      mutation DecideReviewItem($input: DecideReviewItemInput!) {
        decideReviewItem(input: $input) {
          id
          status
        }
      }
    `,
    {
      input: { itemId, campaignId, decision, ...(comment ? { comment } : {}) },
    },
  );
  redirect(`/reviews?decided=${encodeURIComponent(itemId)}&decision=${decision}`);
});

/** Keeps or revokes one review item (decideReviewItem); a comment is required to revoke. */
export async function decideReviewItem(previous: FormState, formData: FormData): Promise<FormState> {
  return decideOne(previous, formData);
}

/** What the bulk form shows after a submission: each item's outcome. */
export interface BulkDecisionState extends FormState {
  outcomes?: { itemId: string; decided: boolean; errorCode: string | null; errorMessage: string | null }[];
}

/**
 * The same decision for the selected items (decideReviewItems): each is decided or refused on its own, and the
 * form lists the refusals. The checkboxes share one name, so this reads them with getAll (formAction reads one
 * value per name).
 */
export async function decideReviewItems(_previous: BulkDecisionState, formData: FormData): Promise<BulkDecisionState> {
  await requireSession();
  const values = { decision: String(formData.get('decision') ?? ''), comment: String(formData.get('comment') ?? '') };
  const parsed = bulkDecisionSchema.safeParse({ ...values, items: formData.getAll('items').map(String) });
  if (!parsed.success) {
    return { status: 'error', message: 'Some fields need attention.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const { items, decision, comment } = parsed.data;
  const inputs = items.map((item) => {
    const [itemId, campaignId] = item.split('|');
    return { itemId, campaignId, decision, ...(comment ? { comment } : {}) };
  });
  try {
    const { decideReviewItems: outcomes } = await graphql<{ decideReviewItems: NonNullable<BulkDecisionState['outcomes']> }>(DECIDE_MANY, {
      inputs,
    });
    revalidatePath('/reviews');
    const refused = outcomes.filter((outcome) => !outcome.decided).length;
    const verb = decision === 'KEEP' ? 'kept' : 'revoked';
    return {
      status: refused === 0 ? 'success' : 'error',
      message:
        refused === 0 ? `${outcomes.length} item(s) ${verb}.` : `${outcomes.length - refused} item(s) ${verb}; ${refused} refused (below).`,
      outcomes,
      ...(refused === 0 ? {} : { values }),
    };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof GraphqlRequestError) return refusalState(error, values);
    throw error;
  }
}

const start = formAction(startCampaignSchema, async (input): Promise<FormState> => {
  const { startReviewCampaign: campaign } = await graphql<{
    startReviewCampaign: { id: string; name: string; deadline: string; progress: { total: number } };
  }>(
    `
      mutation StartReviewCampaign($input: StartReviewCampaignInput!) {
        startReviewCampaign(input: $input) {
          id
          name
          deadline
          progress {
            total
          }
        }
      }
    `,
    { input: Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) },
  );
  revalidatePath('/reviews');
  return { status: 'success', message: `Campaign “${campaign.name}” started with ${campaign.progress.total} item(s).` };
});

/** Starts a review campaign (startReviewCampaign; administrators only, the service refuses anyone else). */
export async function startReviewCampaign(previous: FormState, formData: FormData): Promise<FormState> {
  return start(previous, formData);
}
