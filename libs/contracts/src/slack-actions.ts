/**
 * What ties a Slack message the workflow service posts to the Slack app that receives the click:
 * the buttons of an approval message carry these action ids and the request's id as their value.
 * Both sides import them from here, so a renamed button cannot silently stop working.
 */
export const SLACK_ACTIONS = {
  /** Approve the access request whose id is the button's value, as the person who clicked. */
  approve: 'tenure.approve',
  /** Deny it, as the person who clicked. */
  deny: 'tenure.deny',
} as const;

/** The slash command the Slack app answers (`/tenure request`, `/tenure help`). */
export const SLACK_COMMAND = '/tenure';

/** The callback id of the request modal `/tenure request` opens. */
export const SLACK_REQUEST_MODAL = 'tenure.request';

/** The block id of an approval message's buttons: `tenure.request.<requestId>`. */
export function slackApprovalBlockId(requestId: string): string {
  return `tenure.request.${requestId}`;
}
