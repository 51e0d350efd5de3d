import { commandHandler, DomainError, type Clock, type IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { isAdministrator, type Caller } from '@tenure/service-runtime';
import {
  isEnabled,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  notificationPreferencesDecider,
  notificationPreferencesStreamId,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferencesState,
} from '../../domain/notifications';
import { notificationPreferencesOf } from '../../read-model/workflow-notification-preferences';

export interface PreferenceView {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  /** The person's choice (on unless they turned it off). */
  readonly enabled: boolean;
  /** Whether this service can send on the channel at all: off when not configured, whatever the choice. */
  readonly channelConfigured: boolean;
}

/** Notification preferences: a person sets their own; administrators may read anyone's. */
export class NotificationPreferences {
  private readonly handle;

  constructor(
    private readonly deps: {
      readonly store: PostgresEventStore;
      readonly clock: Clock;
      readonly ids: IdGenerator;
      readonly configured: readonly NotificationChannel[];
    },
  ) {
    this.handle = commandHandler(deps.store, notificationPreferencesDecider, { ids: deps.ids });
  }

  async set(caller: Caller, kind: string, channel: string, enabled: boolean): Promise<PreferenceView[]> {
    if (caller.kind !== 'person') {
      throw new DomainError('forbidden', 'notification preferences belong to a person: sign in as yourself to set yours');
    }
    const now = this.deps.clock.now();
    const { state } = await this.handle(
      notificationPreferencesStreamId(caller.employeeNumber),
      { type: 'SetNotificationPreference', data: { employeeNumber: caller.employeeNumber, kind, channel, enabled, now } },
      { commandId: this.deps.ids.newId(), actor: caller.actor, now },
    );
    // From the decider's state, not the read model: the answer shows the change at once.
    return this.views(state);
  }

  async mine(caller: Caller): Promise<PreferenceView[]> {
    if (caller.kind !== 'person') throw new DomainError('forbidden', 'an administrator token has no notification preferences');
    return this.views(await notificationPreferencesOf(this.deps.store.pool, caller.employeeNumber));
  }

  async of(caller: Caller, employeeNumber: string): Promise<PreferenceView[]> {
    const self = caller.kind === 'person' && caller.employeeNumber === employeeNumber;
    if (!self && !isAdministrator(caller)) {
      throw new DomainError('forbidden', 'only administrators may read someone else’s notification preferences', { employeeNumber });
    }
    return this.views(await notificationPreferencesOf(this.deps.store.pool, employeeNumber));
  }

  private views(state: NotificationPreferencesState): PreferenceView[] {
    return NOTIFICATION_KINDS.flatMap((kind) =>
      NOTIFICATION_CHANNELS.map((channel) => ({
        kind,
        channel,
        enabled: isEnabled(state, kind, channel),
        channelConfigured: this.deps.configured.includes(channel),
      })),
    );
  }
}
