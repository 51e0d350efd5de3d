import type { Clock } from '@tenure/event-sourcing';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import { chooseChannels, planNotifications, type NotificationChannel, type NotificationTrigger } from '../../domain/notifications';
import { notificationPreferencesOf } from '../../read-model/workflow-notification-preferences';
import type { NotificationMetrics } from './notification-metrics';
import { recordNotification } from './notification-outbox';

/**
 * Turns a trigger into outbox rows: the planner decides who is told what, each recipient's
 * preferences choose the channels. Shared by the process manager and the expiry warning timer.
 */
export class NotificationRecorder {
  constructor(
    private readonly deps: {
      readonly pool: Pool;
      readonly clock: Clock;
      readonly logger: Logger;
      readonly metrics: NotificationMetrics;
      readonly configured: readonly NotificationChannel[];
      readonly outboxReady: () => Promise<void>;
    },
  ) {}

  async record(trigger: NotificationTrigger, cause: string): Promise<void> {
    const { pool, clock, logger, metrics, configured } = this.deps;
    if (configured.length === 0) return;
    const plan = planNotifications(trigger);
    if (plan.kind === 'ignored') {
      logger.debug({ cause, trigger: trigger.type, reason: plan.reason }, 'notifications: nobody to tell');
      return;
    }
    await this.deps.outboxReady();
    for (const notification of plan.notifications) {
      const preferences = await notificationPreferencesOf(pool, notification.recipientEmployeeNumber);
      const channels = chooseChannels(notification, configured, preferences);
      const created = await recordNotification(pool, notification, channels, clock.now());
      // Counted once, when recorded (an answer repeated after a crash records nothing new).
      if (created > 0) for (const channel of channels.optedOut) metrics.count(notification.kind, channel, 'opted-out');
    }
  }
}
