import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationPreferences, type PreferenceView } from '../../application/notifications/notification-preferences';
import { NotificationChannel, NotificationKind } from './notification-enums';
import { NotificationPreference } from './notification-preference.type';

/** Notification preferences: each person their own; administrators may read anyone's. */
@Injectable()
@Resolver(() => NotificationPreference)
export class NotificationPreferencesResolver {
  constructor(
    private readonly preferences: NotificationPreferences,
    private readonly callers: CallerGuard,
  ) {}

  @Query(() => [NotificationPreference], { description: 'Your notification preferences: every kind on every channel.' })
  async myNotificationPreferences(): Promise<NotificationPreference[]> {
    return toPreferences(await this.preferences.mine(this.callers.requireCaller('reading your notification preferences')));
  }

  @Query(() => [NotificationPreference], { description: 'A person’s notification preferences (administrators, or the person).' })
  async notificationPreferencesOf(@Arg('employeeNumber', () => ID) employeeNumber: string): Promise<NotificationPreference[]> {
    return toPreferences(await this.preferences.of(this.callers.requireCaller('reading notification preferences'), employeeNumber));
  }

  @Mutation(() => [NotificationPreference], {
    description: 'Turn one kind of notification on or off on one channel, for yourself; returns all your preferences.',
  })
  async setNotificationPreference(
    @Arg('kind', () => NotificationKind) kind: NotificationKind,
    @Arg('channel', () => NotificationChannel) channel: NotificationChannel,
    @Arg('enabled') enabled: boolean,
  ): Promise<NotificationPreference[]> {
    return toPreferences(
      await this.preferences.set(this.callers.requireCaller('setting a notification preference'), kind, channel, enabled),
    );
  }
}

function toPreferences(views: readonly PreferenceView[]): NotificationPreference[] {
  return views.map((view) => ({
    kind: view.kind as NotificationKind,
    channel: view.channel as NotificationChannel,
    enabled: view.enabled,
    channelConfigured: view.channelConfigured,
  }));
}
