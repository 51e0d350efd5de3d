import type { Decider } from '@tenure/event-sourcing';
import { decide, type NotificationPreferencesCommand } from './notification-preferences.commands';
import {
  evolve,
  initialState,
  type NotificationPreferencesEvent,
  type NotificationPreferencesState,
} from './notification-preferences.events';

export const NOTIFICATION_PREFERENCES_STREAM_PREFIX = 'notification-preferences-';

export function notificationPreferencesStreamId(employeeNumber: string): string {
  return `${NOTIFICATION_PREFERENCES_STREAM_PREFIX}${employeeNumber}`;
}

/** One person's notification preferences: which kinds they want on which channel. */
export const notificationPreferencesDecider: Decider<
  NotificationPreferencesCommand,
  NotificationPreferencesEvent,
  NotificationPreferencesState
> = { decide, evolve, initialState };
