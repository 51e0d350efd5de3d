import 'server-only';
import { graphql } from '../graphql';
import type { NotificationPreference } from '../notifications/preference-grid';

const MY_NOTIFICATION_PREFERENCES = /* GraphQL */ `
  query MyNotificationPreferences {
    myNotificationPreferences {
      kind
      channel
      enabled
      channelConfigured
    }
  }
`;

const SET_NOTIFICATION_PREFERENCE = /* GraphQL */ `
  mutation SetNotificationPreference($kind: NotificationKind!, $channel: NotificationChannel!, $enabled: Boolean!) {
    setNotificationPreference(kind: $kind, channel: $channel, enabled: $enabled) {
      kind
      channel
      enabled
      channelConfigured
    }
  }
`;

/** The signed-in person's preferences: every kind on every channel, with whether the platform sends on it. */
export async function loadMyNotificationPreferences(): Promise<NotificationPreference[]> {
  return (await graphql<{ myNotificationPreferences: NotificationPreference[] }>(MY_NOTIFICATION_PREFERENCES)).myNotificationPreferences;
}

/** Turns one kind on or off on one channel for the signed-in person; returns all their preferences. */
export async function setMyNotificationPreference(kind: string, channel: string, enabled: boolean): Promise<NotificationPreference[]> {
  const data = await graphql<{ setNotificationPreference: NotificationPreference[] }>(SET_NOTIFICATION_PREFERENCE, {
    kind,
    channel,
    enabled,
  });
  return data.setNotificationPreference;
}
