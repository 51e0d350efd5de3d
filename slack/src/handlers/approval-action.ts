import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackApprovalBlockId } from '@tenure/contracts';
import { explain } from '../slack/replies';
import { linkSlackUser } from '../slack/identity-link';
import type { AccessRequestView, TenurePerson } from '../tenure/tenure-operations';
import type { HandlerContext } from './context';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * Approve or Deny clicked on an approval message: decided in Tenure as the person who clicked (the
 * services refuse self-approval, someone not on the step, a request already decided); then the message
 * says who decided and how, without its buttons. A refusal is told to the clicker only.
 */
export function approvalAction(context: HandlerContext, decision: 'approve' | 'deny') {
  return async ({ ack, body, action, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    const requestId = action.value ?? '';
    const tell = async (text: string) => {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else await client.chat.postMessage({ channel: body.user.id, text });
    };
    let person: TenurePerson;
    let decided: AccessRequestView;
    try {
      const link = await linkSlackUser(client, context.tenure, body.user.id);
      if (link.kind === 'refused') return await tell(link.reason);
      person = link.person;
      const comment = `${decision === 'approve' ? 'Approved' : 'Denied'} in Slack`;
      decided = await context.tenure.decide(person, decision, requestId, comment);
    } catch (error) {
      context.logger.info({ err: error, requestId, decision }, 'a decision from Slack was not taken');
      return await tell(explain(error));
    }
    const outcome = outcomeText(person, decision, decided, context.now());
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !ts) return await tell(outcome);
    const kept = (body.message?.blocks ?? []).filter((block: { block_id?: string }) => block.block_id !== slackApprovalBlockId(requestId));
    try {
      await client.chat.update({
        channel,
        ts,
        text: outcome,
        blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: outcome }] }],
      });
    } catch (error) {
      // The decision is recorded; the person still learns it when the message cannot be changed.
      context.logger.warn({ err: error, requestId }, 'the approval message could not be updated');
      await tell(outcome);
    }
  };
}

function outcomeText(person: TenurePerson, decision: 'approve' | 'deny', request: AccessRequestView, at: Date): string {
  const when = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const what = `${request.applicationId}:${request.entitlementKey} for ${request.subjectEmployeeNumber}`;
  if (decision === 'deny') return `:x: Denied by ${person.displayName} on ${when}: ${what}.`;
  const next = request.status === 'PENDING' ? request.steps.find((step) => step.status === 'OPEN') : undefined;
  const then = next ? ` Waiting next for ${next.description}.` : ` The request is ${request.status.toLowerCase()}.`;
  return `:white_check_mark: Approved by ${person.displayName} on ${when}: ${what}.${then}`;
}
