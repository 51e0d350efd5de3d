import { SLACK_ACTIONS, slackApprovalBlockId } from '@tenure/contracts';
import type { KnownBlock } from '@slack/web-api';
import { assertNever } from '../../domain/assert-never';
import type { NotificationContent } from '../../domain/notifications';

/** What the renderer needs besides the content: labels looked up when the message is sent. */
export interface MessageContext {
  readonly recipientName: string;
  readonly portalUrl: string;
  /** Display name of a person by employee number (the number itself when unknown). */
  readonly personName: (employeeNumber: string) => string;
  /** "Entitlement (Application)" for an application and entitlement key, keys when the catalog lacks them. */
  readonly entitlementLabel: (applicationId: string, entitlementKey: string) => string;
  readonly applicationLabel: (applicationId: string) => string;
}

export interface OutgoingMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The portal page for the item. */
  readonly link: string;
  readonly slack: { readonly text: string; readonly blocks: KnownBlock[] };
}

interface Draft {
  readonly subject: string;
  /** Paragraphs of plain text; the HTML and Slack forms are made from them. */
  readonly lines: readonly string[];
  readonly path: string;
  readonly linkLabel: string;
  /** The request an approval message's Approve and Deny buttons decide. */
  readonly approvalOf?: string;
}

/** One message in every form a channel needs: email (text and HTML) and Slack (Block Kit). */
export function renderMessage(content: NotificationContent, context: MessageContext): OutgoingMessage {
  const draft = draftOf(content, context);
  const link = `${context.portalUrl.replace(/\/+$/, '')}${draft.path}`;
  const greeting = `Hello ${context.recipientName},`;
  const text = [greeting, '', ...draft.lines.flatMap((line) => [line, '']), `${draft.linkLabel}: ${link}`, '', '— Tenure'].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...draft.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(draft.linkLabel)}</a></p>`,
    '<p>— Tenure</p>',
  ].join('\n');
  return { subject: draft.subject, text, html, link, slack: slackForm(draft, link) };
}

function draftOf(content: NotificationContent, context: MessageContext): Draft {
  const { personName, entitlementLabel, applicationLabel } = context;
  switch (content.kind) {
    case 'approval-waiting': {
      const what = entitlementLabel(content.applicationId, content.entitlementKey);
      const who = personName(content.subjectEmployeeNumber);
      const by =
        content.requesterEmployeeNumber === content.subjectEmployeeNumber
          ? ''
          : ` (asked by ${personName(content.requesterEmployeeNumber)})`;
      return {
        subject: `Approval needed: ${what} for ${who}`,
        lines: [`${who} requests ${what}${by}.`, `Reason: ${content.justification || '(none given)'}`, 'Your approval is needed.'],
        path: '/approvals',
        linkLabel: 'Review the request',
        approvalOf: content.requestId,
      };
    }
    case 'request-decided': {
      const what = entitlementLabel(content.applicationId, content.entitlementKey);
      const who = personName(content.subjectEmployeeNumber);
      const verdict = { granted: 'granted', denied: 'denied', failed: 'could not be granted', cancelled: 'cancelled' }[content.outcome];
      return {
        subject: `Request ${verdict}: ${what}`,
        lines: [`The request for ${what} for ${who} was ${verdict}.`, ...(content.comment ? [`Comment: ${content.comment}`] : [])],
        path: '/requests',
        linkLabel: 'See your requests',
      };
    }
    case 'review-items-waiting':
      return {
        subject: `Access review waiting: ${content.campaignName}`,
        lines: [`You have access to review in "${content.campaignName}".`, `Please decide by ${dateOf(content.deadline)}.`],
        path: '/reviews',
        linkLabel: 'Open your reviews',
      };
    case 'review-items-due':
      return {
        subject: `Reminder: ${content.pending} review item${content.pending === 1 ? '' : 's'} due in ${content.campaignName}`,
        lines: [
          `${content.pending} item${content.pending === 1 ? ' is' : 's are'} still waiting for your decision in "${content.campaignName}".`,
          `The review closes on ${dateOf(content.deadline)}; what is not confirmed by then is handled by its default action.`,
        ],
        path: '/reviews',
        linkLabel: 'Open your reviews',
      };
    case 'manual-task-assigned':
      return {
        subject: `Task assigned: change needed in ${applicationLabel(content.applicationId)}`,
        lines: [
          `${applicationLabel(content.applicationId)} has no connector, so a change there needs you.`,
          `The instructions are in Tenure. Please complete it by ${dateOf(content.dueAt)}.`,
        ],
        path: `/admin/applications/${encodeURIComponent(content.applicationId)}`,
        linkLabel: 'Open the task',
      };
    case 'leaver-completed':
      return {
        subject: `Leaver completed: ${personName(content.leaverEmployeeNumber)}`,
        lines: [
          content.status === 'completed'
            ? `Every account and access of ${personName(content.leaverEmployeeNumber)} was removed (${dateOf(content.completedAt)}).`
            : `The removal of ${personName(content.leaverEmployeeNumber)}'s access ended on ${dateOf(content.completedAt)}, with failures administrators are following up.`,
        ],
        path: '/admin/identities',
        linkLabel: 'See the leaver',
      };
    case 'access-expiring': {
      const what = entitlementLabel(content.applicationId, content.entitlementKey);
      return {
        subject: `Access ending soon: ${what}`,
        lines: [`Your access to ${what} ends on ${dateOf(content.validUntil)}.`, 'Ask for an extension in Tenure if you still need it.'],
        path: '/access',
        linkLabel: 'See your access',
      };
    }
    case 'access-expired': {
      const what = entitlementLabel(content.applicationId, content.entitlementKey);
      return {
        subject: `Access ended: ${what}`,
        lines: [
          `Your time-bound access to ${what} has expired and was removed from the application on ${dateOf(content.removedAt)}.`,
          'Request it again in Tenure if you need it.',
        ],
        path: '/request',
        linkLabel: 'Request access',
      };
    }
    default:
      return assertNever(content);
  }
}

function slackForm(draft: Draft, link: string): OutgoingMessage['slack'] {
  // Slack's mrkdwn reads <...> as links and mentions: text from people is escaped, the link is ours.
  const body = `*${escapeSlack(draft.subject)}*\n${draft.lines.map(escapeSlack).join('\n')}\n<${link}|${draft.linkLabel}>`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: body } }];
  if (draft.approvalOf) {
    blocks.push({
      type: 'actions',
      block_id: slackApprovalBlockId(draft.approvalOf),
      elements: [
        {
          type: 'button',
          action_id: SLACK_ACTIONS.approve,
          text: { type: 'plain_text', text: 'Approve' },
          style: 'primary',
          value: draft.approvalOf,
        },
        {
          type: 'button',
          action_id: SLACK_ACTIONS.deny,
          text: { type: 'plain_text', text: 'Deny' },
          style: 'danger',
          value: draft.approvalOf,
        },
      ],
    });
  }
  // The plain text is what notifications and screen readers show.
  return { text: draft.subject, blocks };
}

/** Dates in messages: UTC, to the minute (the portal shows local time). */
function dateOf(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
