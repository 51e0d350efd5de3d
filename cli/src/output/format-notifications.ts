import type { NotificationPreference } from '../api/types';
import { formatNotificationName, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../parse/notification-preference';
import { table } from './table';

/** A table of kinds down and channels across, on or off; a channel the platform does not send on is starred and explained. */
export function notificationLines(preferences: readonly NotificationPreference[]): string[] {
  if (preferences.length === 0) return ['Tenure has no notification preferences for you.'];
  const channels = inOrder(
    preferences.map((preference) => preference.channel),
    NOTIFICATION_CHANNELS,
  );
  const kinds = inOrder(
    preferences.map((preference) => preference.kind),
    NOTIFICATION_KINDS,
  );
  const configured = (channel: string) => preferences.some((p) => p.channel === channel && p.channelConfigured);
  const header = [
    'KIND',
    ...channels.map((channel) => `${formatNotificationName(channel).toUpperCase()}${configured(channel) ? '' : '*'}`),
  ];
  const rows = kinds.map((kind) => [
    formatNotificationName(kind),
    ...channels.map((channel) => {
      const preference = preferences.find((p) => p.kind === kind && p.channel === channel);
      if (!preference) return '-';
      return preference.enabled ? 'on' : 'off';
    }),
  ]);
  const unavailable = channels
    .filter((channel) => !configured(channel))
    .map((channel) => `* ${channelName(channel)} is not set up on this platform: nothing is sent there, whatever is chosen.`);
  return [...table(header, rows), ...unavailable, 'Change one with `tenure notifications set <kind> <channel> on|off`.'];
}

/** What `tenure notifications set` did. */
export function preferenceSetLines(preference: NotificationPreference, changed: boolean): string[] {
  const state = preference.enabled ? 'on' : 'off';
  const subject = `${channelName(preference.channel)} notifications of ${formatNotificationName(preference.kind)}`;
  const lines = [changed ? `${subject} are now ${state}.` : `${subject} were already ${state}; nothing changed.`];
  if (!preference.channelConfigured) {
    lines.push(
      `Note: ${channelName(preference.channel)} is not set up on this platform, so nothing is sent there; your choice applies once it is.`,
    );
  }
  return lines;
}

/** "Email", "Slack". */
export function channelName(channel: string): string {
  const name = formatNotificationName(channel);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Known names in their order, then any others the platform added since, alphabetically. */
function inOrder(names: readonly string[], order: readonly string[]): string[] {
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
