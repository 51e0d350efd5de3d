import type { DomainEvent } from '@tenure/event-sourcing';
import type { NotificationChannel, NotificationKind } from './notification-kinds';

// One person's notification preferences (stream `notification-preferences-<employeeNumber>`): only
// the choices they made; everything else is on (where the channel is configured).

export type NotificationPreferenceSet = DomainEvent<
  'NotificationPreferenceSet',
  {
    readonly employeeNumber: string;
    readonly kind: NotificationKind;
    readonly channel: NotificationChannel;
    readonly enabled: boolean;
    readonly setAt: string;
  }
>;

export type NotificationPreferencesEvent = NotificationPreferenceSet;

/** `<kind>/<channel>` → enabled; a pair absent was never set (on by default). */
export type PreferenceChoices = Readonly<Record<string, boolean>>;

export type NotificationPreferencesState =
  { readonly status: 'defaults' } | { readonly status: 'chosen'; readonly employeeNumber: string; readonly choices: PreferenceChoices };

export function preferenceKey(kind: NotificationKind, channel: NotificationChannel): string {
  return `${kind}/${channel}`;
}

export function initialState(): NotificationPreferencesState {
  return { status: 'defaults' };
}

export function evolve(state: NotificationPreferencesState, event: NotificationPreferencesEvent): NotificationPreferencesState {
  const { employeeNumber, kind, channel, enabled } = event.data;
  const choices = state.status === 'chosen' ? state.choices : {};
  return { status: 'chosen', employeeNumber, choices: { ...choices, [preferenceKey(kind, channel)]: enabled } };
}

/** Whether this person wants this kind on this channel (on unless they turned it off). */
export function isEnabled(state: NotificationPreferencesState, kind: NotificationKind, channel: NotificationChannel): boolean {
  return state.status === 'defaults' ? true : (state.choices[preferenceKey(kind, channel)] ?? true);
}
