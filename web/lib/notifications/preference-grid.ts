import { humanize } from '../format';

/**
 * Notification preferences as the portal shows them: one row per kind, one cell per channel. The kinds and
 * channels are the workflow service's (gateway/supergraph.graphql, NotificationKind and NotificationChannel).
 */

export interface NotificationPreference {
  kind: string;
  channel: string;
  enabled: boolean;
  channelConfigured: boolean;
}

export interface ChannelColumn {
  channel: string;
  label: string;
  /** Whether the platform can send on this channel; when not, its cells are unavailable. */
  configured: boolean;
}

export interface PreferenceCell {
  kind: string;
  channel: string;
  enabled: boolean;
  configured: boolean;
  /** The form field of this cell's switch. */
  field: string;
}

export interface PreferenceRow {
  kind: string;
  label: string;
  description: string;
  cells: PreferenceCell[];
}

export interface PreferenceGrid {
  channels: ChannelColumn[];
  rows: PreferenceRow[];
}

/** Words for each kind, in the order people think of them; a kind the portal does not know yet is shown by its name. */
export const NOTIFICATION_KINDS: readonly { kind: string; label: string; description: string }[] = [
  { kind: 'APPROVAL_WAITING', label: 'Approval waiting for you', description: 'A request’s approval step waits for you.' },
  {
    kind: 'REQUEST_DECIDED',
    label: 'Request decided',
    description: 'A request you made, or made for you, was granted, denied, failed or cancelled.',
  },
  { kind: 'ACCESS_EXPIRING', label: 'Access ending', description: 'Time-bound access you hold ends soon, and when it has ended.' },
  { kind: 'REVIEW_ITEMS_WAITING', label: 'Review items waiting', description: 'An access review campaign has items for you.' },
  { kind: 'REVIEW_ITEMS_DUE', label: 'Review reminder', description: 'Review items still wait for you before the deadline.' },
  {
    kind: 'MANUAL_TASK_ASSIGNED',
    label: 'Manual task for you',
    description: 'An application without a connector needs a change made by you.',
  },
  {
    kind: 'LEAVER_COMPLETED',
    label: 'Leaver’s access removed',
    description: 'Every access of someone who reported to you and left was removed.',
  },
];

export const CHANNEL_LABELS: Readonly<Record<string, string>> = { EMAIL: 'Email', SLACK: 'Slack' };
const CHANNEL_ORDER = ['EMAIL', 'SLACK'];

/** The form field of one kind on one channel: `APPROVAL_WAITING.EMAIL`. */
export function preferenceField(kind: string, channel: string): string {
  return `${kind}.${channel}`;
}

/** "Email", "Slack", or the channel's own name for one the portal does not know yet. */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? humanize(channel);
}

export function kindLabel(kind: string): string {
  return NOTIFICATION_KINDS.find((known) => known.kind === kind)?.label ?? humanize(kind);
}

/** The API's flat list as rows of kinds and columns of channels; a pair the API did not send is left out. */
export function preferenceGrid(preferences: readonly NotificationPreference[]): PreferenceGrid {
  const channels = unique(preferences.map((preference) => preference.channel)).sort(byOrder(CHANNEL_ORDER));
  const kinds = unique(preferences.map((preference) => preference.kind)).sort(byOrder(NOTIFICATION_KINDS.map((known) => known.kind)));
  const find = (kind: string, channel: string) => preferences.find((p) => p.kind === kind && p.channel === channel);
  return {
    channels: channels.map((channel) => ({
      channel,
      label: channelLabel(channel),
      configured: preferences.some((preference) => preference.channel === channel && preference.channelConfigured),
    })),
    rows: kinds.map((kind) => {
      const known = NOTIFICATION_KINDS.find((entry) => entry.kind === kind);
      return {
        kind,
        label: known?.label ?? humanize(kind),
        description: known?.description ?? '',
        cells: channels.flatMap((channel) => {
          const preference = find(kind, channel);
          return preference
            ? [
                {
                  kind,
                  channel,
                  enabled: preference.enabled,
                  configured: preference.channelConfigured,
                  field: preferenceField(kind, channel),
                },
              ]
            : [];
        }),
      };
    }),
  };
}

export interface PreferenceChange {
  kind: string;
  channel: string;
  enabled: boolean;
}

/**
 * What saving the form changes: each switch the form showed (`shown`, the fields of configured channels) whose
 * state differs from the preferences in force. A ticked switch is sent as "on"; an unticked one is not sent at all.
 * Channels that are not configured are never changed here: the form shows them as unavailable, without a switch.
 */
export function changesToSave(
  current: readonly NotificationPreference[],
  shown: readonly string[],
  values: Readonly<Record<string, string>>,
): PreferenceChange[] {
  return current.flatMap((preference) => {
    const field = preferenceField(preference.kind, preference.channel);
    if (!preference.channelConfigured || !shown.includes(field)) return [];
    const enabled = values[field] === 'on';
    return enabled === preference.enabled ? [] : [{ kind: preference.kind, channel: preference.channel, enabled }];
  });
}

/** "Email for “Request decided” is now off". */
export function describeChange(change: PreferenceChange): string {
  return `${channelLabel(change.channel)} for “${kindLabel(change.kind)}” is now ${change.enabled ? 'on' : 'off'}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Known names in their order first, then the others alphabetically. */
function byOrder(order: readonly string[]): (a: string, b: string) => number {
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}
