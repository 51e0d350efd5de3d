import { SLACK_COMMAND } from '@tenure/contracts';
import { TenureError } from '../tenure/tenure-error';

export const USAGE = [
  `*Tenure in Slack*`,
  `• \`${SLACK_COMMAND} request\`: ask for access (a form opens: entitlement, duration, reason)`,
  `• \`${SLACK_COMMAND} request <text>\`: the same, with the catalog narrowed to entitlements matching the text`,
  `• \`${SLACK_COMMAND} help\`: this message`,
  `Approvers get requests as messages with *Approve* and *Deny* buttons.`,
].join('\n');

/** The one place an error becomes what the person reads in Slack. */
export function explain(error: unknown): string {
  if (!(error instanceof TenureError))
    return 'Something went wrong in the Tenure Slack app; nothing was changed. Try again, or use the portal.';
  switch (error.code) {
    case 'FORBIDDEN':
      return `Tenure refused: ${error.message}.`;
    case 'FAILED_PRECONDITION':
      return `Already decided: ${error.message}.`;
    case 'CONFLICT':
      return `Nothing to do: ${error.message}.`;
    case 'NOT_FOUND':
      return `Tenure does not know it: ${error.message}.`;
    case 'BAD_USER_INPUT':
      return `Tenure did not accept this: ${error.message}.`;
    case 'UNAVAILABLE':
      return 'Tenure cannot be reached right now; nothing was changed. Try again in a minute.';
    case 'UNAUTHENTICATED':
      return 'The Tenure Slack app is not allowed in by Tenure (its integration token); tell your Tenure administrator.';
    case 'UNEXPECTED':
      return `Tenure answered unexpectedly: ${error.message}.`;
  }
}
