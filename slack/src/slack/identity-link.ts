import type { WebClient } from '@slack/web-api';
import type { TenureOperations, TenurePerson } from '../tenure/tenure-operations';
import { TenureError } from '../tenure/tenure-error';

/** A Slack user as Tenure knows them, or why they cannot act in Tenure from Slack. */
export type SlackLink = { readonly kind: 'linked'; readonly person: TenurePerson } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Links a Slack user to a Tenure identity by their email, only when Slack has verified it: Slack's
 * `users.info` must show the account active and `is_email_confirmed`, and the gateway must find exactly
 * one active person with that email. Nothing is cached: every interaction checks again, so a deactivated
 * Slack account or a leaver in HR stops working at once.
 */
export async function linkSlackUser(slack: WebClient, tenure: TenureOperations, slackUserId: string): Promise<SlackLink> {
  const { user } = await slack.users.info({ user: slackUserId });
  if (!user || user.deleted) return refused('Your Slack account is deactivated, so it cannot act in Tenure.');
  const email = user.profile?.email;
  if (!email) {
    return refused(
      'Slack did not give Tenure your email address (the app needs the users:read.email scope), so Tenure cannot tell who you are.',
    );
  }
  if (user.is_email_confirmed !== true) {
    return refused(
      `Slack has not confirmed your email address ${email}. Confirm it in Slack, then try again: Tenure links people by verified email only.`,
    );
  }
  try {
    return { kind: 'linked', person: await tenure.person(email) };
  } catch (error) {
    if (error instanceof TenureError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
      return refused(`Tenure cannot act for you: ${error.message}.`);
    }
    throw error;
  }
}

function refused(reason: string): SlackLink {
  return { kind: 'refused', reason };
}
