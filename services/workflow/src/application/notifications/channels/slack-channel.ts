import { WebClient } from '@slack/web-api';
import type { SlackSettings } from '../notification-settings';
import type { OutgoingMessage } from '../notification-messages';
import { UndeliverableError, type ChannelSender, type Recipient } from './notification-channel';

/** Slack answers these when the person cannot be reached by the bot at all; retrying will not help. */
const UNREACHABLE = new Set(['users_not_found', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'account_inactive']);

/**
 * Slack direct messages from the bot: the person is found by their work email
 * (users.lookupByEmail) and the message posted to their user id (chat.postMessage) with Block Kit. Retries are the outbox's (with its backoff), not the client's.
 */
export function slackChannel(settings: SlackSettings): ChannelSender {
  const client = new WebClient(settings.botToken, {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return {
    channel: 'slack',
    async send(recipient: Recipient, message: OutgoingMessage): Promise<string | null> {
      try {
        const found = await client.users.lookupByEmail({ email: recipient.email });
        const userId = found.user?.id;
        if (!userId) throw new UndeliverableError('Slack returned no user for the address');
        // Posting to the user id lands in the bot's DM with them (needs only chat:write, not im:write).
        const posted = await client.chat.postMessage({ channel: userId, text: message.slack.text, blocks: message.slack.blocks });
        // channel:ts (Slack answers with the DM's id) lets a later chat.update find the message.
        return posted.ts ? `${posted.channel ?? userId}:${posted.ts}` : null;
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code && UNREACHABLE.has(code)) throw new UndeliverableError(`Slack: ${code}`);
        throw error;
      }
    },
    async close(): Promise<void> {
      // The Web API client keeps no connection open.
    },
  };
}
