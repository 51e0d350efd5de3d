import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Stoppable } from '@tenure/service-runtime';
import type { NotificationChannel } from '../../domain/notifications';
import { emailChannel } from './channels/email-channel';
import type { ChannelSender } from './channels/notification-channel';
import { slackChannel } from './channels/slack-channel';
import { startExpiryWarnings } from './expiry-warning';
import { startNotificationDelivery } from './notification-delivery';
import { CountingNotificationMetrics, type NotificationMetrics } from './notification-metrics';
import { setUpOutbox } from './notification-outbox';
import { NotificationPreferences } from './notification-preferences';
import { NotificationProcess } from './notification-process';
import { NotificationRecorder } from './notification-recorder';
import { configuredChannels, type NotificationSettings } from './notification-settings';

/** Older events are not news when the process first reads them (a first start over years of history). */
const MAX_EVENT_AGE_MS = 7 * 24 * 3_600_000;

export interface NotificationsDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly settings: NotificationSettings;
  readonly metrics?: NotificationMetrics;
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Email and Slack notifications: the process manager and the expiry warnings record messages in
 * the outbox, the delivery worker sends them; preferences are the person's. A channel without its
 * settings is skipped (said once at start).
 */
export class Notifications {
  readonly preferences: NotificationPreferences;
  readonly metrics: NotificationMetrics;
  readonly configured: readonly NotificationChannel[];
  private process: NotificationProcess | undefined;
  private outbox: Promise<void> | undefined;

  constructor(private readonly deps: NotificationsDependencies) {
    this.configured = configuredChannels(deps.settings);
    this.metrics = deps.metrics ?? new CountingNotificationMetrics();
    this.preferences = new NotificationPreferences({ store: deps.store, clock: deps.clock, ids: deps.ids, configured: this.configured });
  }

  /** Starts the process, the delivery worker and the expiry warnings; returns what to stop with the service. */
  start(): Stoppable[] {
    const { store, clock, logger, settings } = this.deps;
    const pool = store.pool;
    this.announceChannels();
    // Nothing to send on: no follower reading the log for nobody. Enabled later, the process starts
    // from the beginning of the log, and the age limit keeps old events from being sent.
    if (this.configured.length === 0) return [];
    const outboxReady = () =>
      (this.outbox ??= setUpOutbox(pool).catch((error: unknown) => {
        this.outbox = undefined;
        throw error;
      }));
    void outboxReady().catch((error: unknown) => logger.error({ err: error }, 'notification outbox could not be set up; retried on use'));
    const recorder = new NotificationRecorder({ pool, clock, logger, metrics: this.metrics, configured: this.configured, outboxReady });
    this.process = new NotificationProcess({
      store,
      clock,
      logger,
      recorder,
      maxAgeMs: MAX_EVENT_AGE_MS,
      readModelsCaughtUp: this.deps.readModelsCaughtUp,
    });
    const senders = new Map<NotificationChannel, ChannelSender>();
    if (settings.email) senders.set('email', emailChannel(settings.email));
    if (settings.slack) senders.set('slack', slackChannel(settings.slack));
    const delivery = startNotificationDelivery({
      pool,
      clock,
      logger,
      senders,
      metrics: this.metrics,
      portalUrl: settings.portalUrl,
      maxAttempts: settings.maxAttempts,
      pollMs: settings.deliveryPollMs,
      retryDelayMs: settings.retryDelayMs,
      outboxReady,
    });
    const warnings = startExpiryWarnings({
      pool,
      clock,
      logger,
      recorder,
      leadMs: settings.expiryWarningMs,
      pollMs: settings.deliveryPollMs,
    });
    const closeSenders: Stoppable = { stop: async () => void (await Promise.all([...senders.values()].map((sender) => sender.close()))) };
    // The delivery worker stops before its channels close.
    return [this.process, warnings, { stop: async () => (await delivery.stop(), await closeSenders.stop()) }];
  }

  /** Resolves when every event committed so far has been answered (recorded in the outbox, not necessarily sent). */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    await this.process?.waitUntilCaughtUp(timeoutMs);
  }

  private announceChannels(): void {
    const { logger, settings } = this.deps;
    if (!settings.email) logger.info('email notifications off: SMTP_URL is not set');
    if (!settings.slack) logger.info('Slack notifications off: SLACK_BOT_TOKEN is not set');
    if (this.configured.length > 0) logger.info({ channels: this.configured }, 'notifications on');
  }
}
