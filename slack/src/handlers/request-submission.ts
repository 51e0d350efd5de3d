import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { explain } from '../slack/replies';
import { linkSlackUser } from '../slack/identity-link';
import { describeHours, readSubmission, REQUEST_FIELDS } from '../slack/request-modal';
import type { AccessRequestView } from '../tenure/tenure-operations';
import type { HandlerContext } from './context';

type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The request modal submitted: policy is asked first (its reasons become the modal's field errors),
 * then the request is made as the person, and they get a direct message saying where it stands.
 * Everything happens before the acknowledgement, since field errors can only go in it.
 */
export function requestSubmission(context: HandlerContext) {
  return async ({ ack, body, view, client }: SubmissionArgs): Promise<void> => {
    const submission = readSubmission(view);
    if (submission.kind === 'invalid') {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    let created: AccessRequestView;
    try {
      const link = await linkSlackUser(client, context.tenure, body.user.id);
      if (link.kind === 'refused') {
        await ack({ response_action: 'errors', errors: { [REQUEST_FIELDS.entitlement]: link.reason } });
        return;
      }
      const decision = await context.tenure.evaluate(link.person, submission.request);
      if (!decision.allowed) {
        await ack({ response_action: 'errors', errors: { [REQUEST_FIELDS.entitlement]: fieldError(decision.reasons) } });
        return;
      }
      created = await context.tenure.requestAccess(link.person, submission.request);
      if (created.status === 'REFUSED') {
        await ack({ response_action: 'errors', errors: { [REQUEST_FIELDS.entitlement]: fieldError(created.decisionReasons) } });
        return;
      }
    } catch (error) {
      context.logger.warn({ err: error }, 'the request modal could not be submitted');
      await ack({ response_action: 'errors', errors: { [REQUEST_FIELDS.reason]: explain(error) } });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: body.user.id,
      text: confirmation(created, submission.entitlementLabel, submission.request.durationHours),
    });
  };
}

function fieldError(reasons: readonly string[]): string {
  const text = `Policy refuses this request: ${reasons.join('; ') || 'no reason given'}`;
  return text.length <= 500 ? text : `${text.slice(0, 499)}…`;
}

function confirmation(request: AccessRequestView, entitlement: string, hours: number): string {
  const what = `*${entitlement}* for ${describeHours(hours)}`;
  if (request.status === 'PENDING') {
    const waiting = request.steps.find((step) => step.status === 'OPEN');
    return `Your request for ${what} is waiting for approval${waiting ? ` from ${waiting.description}` : ''} (request ${request.id}).`;
  }
  return `Your request for ${what} is ${request.status.toLowerCase()} (request ${request.id}).`;
}
