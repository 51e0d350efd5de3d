import { registerEnumType } from 'type-graphql';

// GraphQL names for the notification kinds and channels; each value is the domain's own string.

export enum NotificationKind {
  APPROVAL_WAITING = 'approval-waiting',
  REVIEW_ITEMS_WAITING = 'review-items-waiting',
  REVIEW_ITEMS_DUE = 'review-items-due',
  REQUEST_DECIDED = 'request-decided',
  ACCESS_EXPIRING = 'access-expiring',
  MANUAL_TASK_ASSIGNED = 'manual-task-assigned',
  LEAVER_COMPLETED = 'leaver-completed',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a person can be notified about.',
  valuesConfig: {
    APPROVAL_WAITING: { description: 'A request’s approval step waits for you.' },
    REVIEW_ITEMS_WAITING: { description: 'An access review campaign has items for you.' },
    REVIEW_ITEMS_DUE: { description: 'Reminder: review items still wait for you before the deadline.' },
    REQUEST_DECIDED: { description: 'A request you made, or made for you, was granted, denied, failed or cancelled.' },
    ACCESS_EXPIRING: { description: 'Time-bound access you hold ends soon, and when it has ended.' },
    MANUAL_TASK_ASSIGNED: { description: 'An application without a connector needs a change made by you.' },
    LEAVER_COMPLETED: { description: 'Every access of someone who reported to you and left was removed.' },
  },
});

export enum NotificationChannel {
  EMAIL = 'email',
  SLACK = 'slack',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'How notifications reach people.' });
