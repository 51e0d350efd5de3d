import type { Clock } from '@tenure/event-sourcing';
import { exponentialBackoff } from '@tenure/event-sourcing';
import { startTimerWorker, type PendingTimer, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import type { NotificationChannel, NotificationContent } from '../../domain/notifications';
import { UndeliverableError, type ChannelSender } from './channels/notification-channel';
import { catalogLabels, peopleByEmployeeNumber, recipientOf } from './notification-directory';
import { renderMessage } from './notification-messages';
import type { NotificationMetrics } from './notification-metrics';
import { deliveryById, markDelivery, NOTIFICATION_DELIVERY_TIMER, type DeliveryRow } from './notification-outbox';

export interface NotificationDeliveryDependencies {
  readonly pool: Pool;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly senders: ReadonlyMap<NotificationChannel, ChannelSender>;
  readonly metrics: NotificationMetrics;
  readonly portalUrl: string;
  readonly maxAttempts: number;
  readonly pollMs: number;
  readonly retryDelayMs?: (attempt: number) => number;
  /** Resolves once the outbox table exists. */
  readonly outboxReady: () => Promise<void>;
}

/**
 * Sends the outbox's pending rows, one delivery timer each. The timer's row is locked (SKIP LOCKED)
 * while it is sent, so two instances never send one message at once; the outbox row is marked sent
 * as soon as the channel accepted it, so a timer that fires again (a crash before its removal
 * committed) finds it sent and does nothing. A failure is retried with the timers' backoff up to
 * `maxAttempts`, then recorded as failed; a recipient who cannot be reached is recorded at once.
 */
export function startNotificationDelivery(deps: NotificationDeliveryDependencies): TimerWorker {
  const { pool, clock, logger, metrics } = deps;
  return startTimerWorker({
    pool,
    kind: NOTIFICATION_DELIVERY_TIMER,
    clock,
    pollMs: deps.pollMs,
    concurrency: 4,
    retryDelayMs: deps.retryDelayMs ?? exponentialBackoff(1_000, 300_000),
    fire: async (timer: PendingTimer) => {
      await deps.outboxReady();
      const { deliveryId } = timer.payload as { deliveryId: string };
      const delivery = await deliveryById(pool, deliveryId);
      if (!delivery || delivery.status !== 'pending') return;
      await deliver(delivery);
    },
    onError: (timer, error) => logger.warn({ timerId: timer.timerId, error: errorCode(error) }, 'notification not sent; retried later'),
  });

  async function deliver(delivery: DeliveryRow): Promise<void> {
    const { deliveryId, kind, channel } = delivery;
    const attempts = delivery.attempts + 1;
    const finish = async (status: 'undeliverable' | 'failed', reason: string) => {
      await markDelivery(pool, deliveryId, { status, attempts, lastError: reason }, clock.now());
      metrics.count(kind, channel, status);
      logger.warn({ deliveryId, kind, channel, attempts, reason }, `notification ${status}`);
    };
    const sender = deps.senders.get(channel);
    if (!sender) return finish('undeliverable', `the ${channel} channel is not configured any more`);
    const { message, recipient } = await prepare(delivery);
    if (!recipient) return finish('undeliverable', 'no email address on record for the recipient');
    try {
      const deliveryRef = await sender.send(recipient, message);
      await markDelivery(pool, deliveryId, { status: 'sent', attempts, deliveryRef }, clock.now());
      metrics.count(kind, channel, 'sent');
      logger.info({ deliveryId, kind, channel, attempts }, 'notification sent');
    } catch (error) {
      if (error instanceof UndeliverableError) return finish('undeliverable', error.message);
      if (attempts >= deps.maxAttempts) return finish('failed', withoutAddresses(error));
      await pool.query('UPDATE workflow_notifications SET attempts = $2, last_error = $3 WHERE delivery_id = $1 AND status = $4', [
        deliveryId,
        attempts,
        withoutAddresses(error),
        'pending',
      ]);
      metrics.count(kind, channel, 'retrying');
      // Thrown on: the timer worker keeps the timer and fires it again after its backoff.
      throw error;
    }
  }

  async function prepare(delivery: DeliveryRow) {
    const content = delivery.content;
    const people = await peopleByEmployeeNumber(pool, [delivery.recipientEmployeeNumber, ...peopleIn(content)]);
    const labels = await catalogLabels(pool, 'applicationId' in content ? [content] : []);
    const recipient = recipientOf(people.get(delivery.recipientEmployeeNumber));
    const message = renderMessage(content, {
      recipientName: recipient?.displayName ?? delivery.recipientEmployeeNumber,
      portalUrl: deps.portalUrl,
      personName: (employeeNumber) => people.get(employeeNumber)?.displayName ?? employeeNumber,
      applicationLabel: (applicationId) => labels.applications.get(applicationId) ?? applicationId,
      entitlementLabel: (applicationId, entitlementKey) =>
        `${labels.entitlements.get(`${applicationId}/${entitlementKey}`) ?? entitlementKey} (${labels.applications.get(applicationId) ?? applicationId})`,
    });
    return { message, recipient };
  }
}

function peopleIn(content: NotificationContent): string[] {
  switch (content.kind) {
    case 'approval-waiting':
      return [content.requesterEmployeeNumber, content.subjectEmployeeNumber];
    case 'request-decided':
      return [content.subjectEmployeeNumber];
    case 'leaver-completed':
      return [content.leaverEmployeeNumber];
    default:
      return [];
  }
}

/** What is kept and logged of a failure: its message without email addresses (servers quote the recipient). */
function withoutAddresses(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[^\s<>"']+@[^\s<>"']+/g, '<address>').slice(0, 500);
}

function errorCode(error: unknown): string {
  const candidate = error as { code?: unknown; responseCode?: unknown; data?: { error?: unknown }; name?: unknown };
  return String(candidate.data?.error ?? candidate.responseCode ?? candidate.code ?? candidate.name ?? 'error');
}
