import { SLACK_REQUEST_MODAL } from '@tenure/contracts';
import type { RecordedCall, SlackSignatureHeaders } from '@tenure/simulated-slack';

// What Slack sends the app, shaped as Slack shapes it (form-encoded, interactions as `payload=` JSON),
// for the end-to-end tests. Signing is the caller's: `signSlackRequest`, or a wrong one on purpose.

const TEAM = { id: 'T0TENURE', domain: 'tenure' } as const;

/** A select's choice as Slack reports it; null when nothing was chosen. */
export interface Choice {
  readonly value: string;
  readonly text: string;
}

export function interactionBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify({ api_app_id: 'A0TENURE', token: 'deprecated', team: TEAM, ...payload }))}`;
}

function slackUser(id: string) {
  return { id, username: id.toLowerCase(), team_id: TEAM.id };
}

/** The request modal submitted by `user`. */
export function viewSubmissionBody(submitted: {
  readonly user: string;
  readonly viewId: string;
  readonly triggerId: string;
  readonly entitlement: Choice | null;
  readonly duration: Choice | null;
  readonly reason: string | null;
}): string {
  const selected = (choice: Choice | null) =>
    choice === null ? null : { text: { type: 'plain_text', text: choice.text }, value: choice.value };
  return interactionBody({
    type: 'view_submission',
    user: slackUser(submitted.user),
    trigger_id: submitted.triggerId,
    view: {
      id: submitted.viewId,
      team_id: TEAM.id,
      type: 'modal',
      callback_id: SLACK_REQUEST_MODAL,
      private_metadata: '',
      hash: 'h',
      state: {
        values: {
          entitlement: { value: { type: 'static_select', selected_option: selected(submitted.entitlement) } },
          duration: { value: { type: 'static_select', selected_option: selected(submitted.duration) } },
          reason: { value: { type: 'plain_text_input', value: submitted.reason } },
        },
      },
    },
  });
}

/** A click on a button of a message in `channel` at `ts`. */
export function blockActionBody(click: {
  readonly user: string;
  readonly channel: string;
  readonly ts: string;
  readonly text: unknown;
  readonly blocks: readonly object[];
  readonly responseUrl: string;
  readonly triggerId: string;
  readonly action: Record<string, unknown>;
}): string {
  return interactionBody({
    type: 'block_actions',
    user: slackUser(click.user),
    trigger_id: click.triggerId,
    container: { type: 'message', message_ts: click.ts, channel_id: click.channel, is_ephemeral: false },
    channel: { id: click.channel, name: 'directmessage' },
    message: { type: 'message', bot_id: 'BTENURE', ts: click.ts, text: click.text, blocks: click.blocks },
    response_url: click.responseUrl,
    actions: [click.action],
  });
}

/** Posts a body to the app's events URL as Slack does. */
export function postToApp(eventsUrl: string, body: string, headers: Partial<SlackSignatureHeaders>): Promise<Response> {
  return fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
}

/** The entitlement choices of a request modal the app opened (views.open). */
export function modalOptions(call: RecordedCall): Choice[] {
  const view = call.args['view'] as { blocks: { block_id: string; element: { options?: { value: string; text: { text: string } }[] } }[] };
  const select = view.blocks.find((block) => block.block_id === 'entitlement');
  return (select?.element.options ?? []).map((option) => ({ value: option.value, text: option.text.text }));
}
