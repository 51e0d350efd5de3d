import { assertNever } from '../assert-never';
import type { NotificationChannel } from './notification-kinds';
import { isEnabled, type NotificationPreferencesState } from './notification-preferences.events';
import type { Notification, NotificationContent, NotificationPlan } from './notification';
import type { NotificationTrigger, RequestSummary, ReviewerRef } from './notification-triggers';

/**
 * The notification process manager's decision: who is told what about a trigger. Pure; each
 * notification's id names its kind, subject and recipient, so deciding again yields the same ids
 * and the outbox sends each once.
 */
export function planNotifications(trigger: NotificationTrigger): NotificationPlan {
  switch (trigger.type) {
    case 'approval-step-opened': {
      const { request, stepIndex, approvers, toAdministrators } = trigger;
      if (approvers.length === 0) {
        return ignored(toAdministrators ? 'the step waits for administrators, who have their queue' : 'the step names no approver');
      }
      const content: NotificationContent = { kind: 'approval-waiting', ...requestFields(request), justification: request.justification };
      return notify(
        unique(approvers).map((approver) => ({
          notificationId: `approval-waiting:${request.requestId}:${stepIndex}:${approver}`,
          kind: 'approval-waiting',
          recipientEmployeeNumber: approver,
          content,
        })),
      );
    }
    case 'request-decided': {
      const { request, outcome, byEmployeeNumber, comment } = trigger;
      const recipients = unique([request.requesterEmployeeNumber, request.subjectEmployeeNumber]).filter(
        (person) => person !== byEmployeeNumber,
      );
      if (recipients.length === 0) return ignored('the requester cancelled their own request');
      const { requesterEmployeeNumber: _requester, ...fields } = requestFields(request);
      return notify(
        recipients.map((person) => ({
          notificationId: `request-decided:${request.requestId}:${outcome}:${person}`,
          kind: 'request-decided',
          recipientEmployeeNumber: person,
          content: { kind: 'request-decided', ...fields, outcome, comment },
        })),
      );
    }
    case 'review-campaign-started': {
      const { campaignId, campaignName, deadline } = trigger;
      const reviewers = people(trigger.reviewers);
      if (reviewers.length === 0) return ignored('no item is owed by a person (empty campaign, or administrators only)');
      return notify(
        reviewers.map((reviewer) => ({
          notificationId: `review-items-waiting:${campaignId}:${reviewer}`,
          kind: 'review-items-waiting',
          recipientEmployeeNumber: reviewer,
          content: { kind: 'review-items-waiting', campaignId, campaignName, deadline },
        })),
      );
    }
    case 'review-reminders-sent': {
      const { campaignId, campaignName, deadline, dueAt } = trigger;
      const owed = trigger.reviewers.filter((entry) => entry.reviewer.kind === 'person' && entry.pending > 0);
      if (owed.length === 0) return ignored('no person has pending items');
      return notify(
        owed.map(({ reviewer, pending }) => {
          const person = (reviewer as Extract<ReviewerRef, { kind: 'person' }>).employeeNumber;
          return {
            notificationId: `review-items-due:${campaignId}:${dueAt}:${person}`,
            kind: 'review-items-due',
            recipientEmployeeNumber: person,
            content: { kind: 'review-items-due', campaignId, campaignName, deadline, pending },
          };
        }),
      );
    }
    case 'manual-task-opened': {
      const { taskId, applicationId, ownerEmployeeNumber, dueAt } = trigger;
      return notify([
        {
          notificationId: `manual-task-assigned:${taskId}:${ownerEmployeeNumber}`,
          kind: 'manual-task-assigned',
          recipientEmployeeNumber: ownerEmployeeNumber,
          content: { kind: 'manual-task-assigned', taskId, applicationId, dueAt },
        },
      ]);
    }
    case 'leaver-run-completed': {
      const { runId, leaverEmployeeNumber, managerEmployeeNumber, status, completedAt } = trigger;
      if (managerEmployeeNumber === null) return ignored('the leaver has no manager on record');
      return notify([
        {
          notificationId: `leaver-completed:${runId}:${managerEmployeeNumber}`,
          kind: 'leaver-completed',
          recipientEmployeeNumber: managerEmployeeNumber,
          content: { kind: 'leaver-completed', runId, leaverEmployeeNumber, status, completedAt },
        },
      ]);
    }
    case 'access-expiring': {
      const { assignmentId, holderEmployeeNumber, applicationId, entitlementKey, grantedAt, validUntil, warningLeadMs } = trigger;
      // A grant shorter than the lead would be warned the moment it starts: the grant's own message says when it ends.
      if (grantedAt !== null && Date.parse(validUntil) - Date.parse(grantedAt) <= warningLeadMs) {
        return ignored('granted for less than the warning lead');
      }
      return notify([
        {
          // The end is part of the id: an extension moves it, and the new end is warned again.
          notificationId: `access-expiring:${assignmentId}:${validUntil}:${holderEmployeeNumber}`,
          kind: 'access-expiring',
          recipientEmployeeNumber: holderEmployeeNumber,
          content: { kind: 'access-expiring', assignmentId, applicationId, entitlementKey, validUntil },
        },
      ]);
    }
    case 'access-expired': {
      const { assignmentId, holderEmployeeNumber, applicationId, entitlementKey, removedAt } = trigger;
      return notify([
        {
          notificationId: `access-expired:${assignmentId}:${holderEmployeeNumber}`,
          // The holder's one switch for time-bound access ending: the warning before, this after.
          kind: 'access-expiring',
          recipientEmployeeNumber: holderEmployeeNumber,
          content: { kind: 'access-expired', assignmentId, applicationId, entitlementKey, removedAt },
        },
      ]);
    }
    default:
      return assertNever(trigger);
  }
}

/**
 * The channels one notification goes out on: those configured, minus those the recipient turned
 * off for this kind. Returned with the reason for each channel left out, for the record.
 */
export function chooseChannels(
  notification: Notification,
  configured: readonly NotificationChannel[],
  preferences: NotificationPreferencesState,
): { readonly send: readonly NotificationChannel[]; readonly optedOut: readonly NotificationChannel[] } {
  const send = configured.filter((channel) => isEnabled(preferences, notification.kind, channel));
  return { send, optedOut: configured.filter((channel) => !send.includes(channel)) };
}

function requestFields(request: RequestSummary) {
  const { requestId, requesterEmployeeNumber, subjectEmployeeNumber, applicationId, entitlementKey } = request;
  return { requestId, requesterEmployeeNumber, subjectEmployeeNumber, applicationId, entitlementKey };
}

function people(reviewers: readonly ReviewerRef[]): string[] {
  return unique(reviewers.flatMap((reviewer) => (reviewer.kind === 'person' ? [reviewer.employeeNumber] : [])));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function notify(notifications: readonly Notification[]): NotificationPlan {
  return { kind: 'notify', notifications };
}

function ignored(reason: string): NotificationPlan {
  return { kind: 'ignored', reason };
}
