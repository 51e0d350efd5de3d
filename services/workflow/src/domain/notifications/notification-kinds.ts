/** What a person can be told about, each switchable per channel in their preferences. */
export const NOTIFICATION_KINDS = [
  'approval-waiting',
  'review-items-waiting',
  'review-items-due',
  'request-decided',
  'access-expiring',
  'manual-task-assigned',
  'leaver-completed',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'slack'] as const;

export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function isNotificationChannel(value: string): value is NotificationChannel {
  return (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}
