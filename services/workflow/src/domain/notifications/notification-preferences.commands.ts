import { DomainError } from '@tenure/event-sourcing';
import { isNotificationChannel, isNotificationKind } from './notification-kinds';
import { isEnabled, type NotificationPreferencesEvent, type NotificationPreferencesState } from './notification-preferences.events';

export interface SetNotificationPreference {
  readonly type: 'SetNotificationPreference';
  readonly data: {
    readonly employeeNumber: string;
    /** Strings, not the unions: the command comes from outside and is validated here. */
    readonly kind: string;
    readonly channel: string;
    readonly enabled: boolean;
    readonly now: Date;
  };
}

export type NotificationPreferencesCommand = SetNotificationPreference;

export function decide(
  command: NotificationPreferencesCommand,
  state: NotificationPreferencesState,
): readonly NotificationPreferencesEvent[] {
  const { employeeNumber, kind, channel, enabled, now } = command.data;
  if (!isNotificationKind(kind)) {
    throw new DomainError('validation', `unknown notification kind "${kind}"`, { kind });
  }
  if (!isNotificationChannel(channel)) {
    throw new DomainError('validation', `unknown notification channel "${channel}": use email or slack`, { channel });
  }
  // Setting what is already in force records nothing: a retried mutation does not grow the stream.
  if (isEnabled(state, kind, channel) === enabled) return [];
  return [{ type: 'NotificationPreferenceSet', data: { employeeNumber, kind, channel, enabled, setAt: now.toISOString() } }];
}
