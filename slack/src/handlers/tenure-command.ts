import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { explain, USAGE } from '../slack/replies';
import { linkSlackUser } from '../slack/identity-link';
import { CATALOG_OPTIONS_MAX, requestModal } from '../slack/request-modal';
import type { HandlerContext } from './context';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/tenure request [text]` opens the request modal (the catalog's requestable entitlements, narrowed by
 * the text when given); `/tenure help` and anything else answer with the usage, only to the person.
 */
export function tenureCommand(context: HandlerContext) {
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    const [subcommand = '', ...rest] = command.text.trim().split(/\s+/);
    if (subcommand.toLowerCase() !== 'request') {
      const unknown = subcommand && subcommand.toLowerCase() !== 'help' ? `I don't know \`${subcommand}\`.\n` : '';
      await ack({ response_type: 'ephemeral', text: `${unknown}${USAGE}` });
      return;
    }
    // Acknowledged at once (Slack waits 3 s at most); what follows answers through response_url or the modal.
    await ack();
    try {
      const link = await linkSlackUser(client, context.tenure, command.user_id);
      if (link.kind === 'refused') {
        await respond({ response_type: 'ephemeral', text: link.reason });
        return;
      }
      const search = rest.join(' ');
      const catalog = await context.tenure.catalog(link.person, search, CATALOG_OPTIONS_MAX);
      if (catalog.length === 0) {
        await respond({
          response_type: 'ephemeral',
          text: search
            ? `No requestable entitlement matches “${search}”. Try other words, or \`/tenure request\` for all.`
            : 'The catalog has no requestable entitlement.',
        });
        return;
      }
      await client.views.open({ trigger_id: command.trigger_id, view: requestModal(catalog, search) });
    } catch (error) {
      context.logger.warn({ err: error }, '/tenure request failed');
      await respond({ response_type: 'ephemeral', text: explain(error) });
    }
  };
}
