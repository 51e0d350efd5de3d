import { DomainError } from '@tenure/event-sourcing';
import type { CommandOrigin } from '../../application/identity-commands';
import type { HrSource } from '../../domain/hr-record';
import { utcDateOf } from '../../domain/identity';
import type { FeedAction, FeedChange, FeedChangeGuard, FeedOutcome } from '../feed-guard';
import type { HrWebhookEvent } from './hr-webhook-event';

/** Every event the webhook applies is recorded as done by the HR feed, correlated by the sender's event id. */
export function webhookOrigin(event: HrWebhookEvent): { readonly source: HrSource; readonly origin: Required<CommandOrigin> } {
  return {
    source: { kind: 'webhook', reference: event.eventId },
    origin: { actor: { kind: 'hr-feed', id: 'hr-webhook' }, correlationId: event.eventId },
  };
}

/**
 * A validated webhook event as the change it asks for, submitted through the live-feed burst guard:
 * applied, or held with a burst. Domain refusals surface as `DomainError`.
 */
export function applyHrWebhookEvent(guard: FeedChangeGuard, event: HrWebhookEvent, now: Date): Promise<FeedOutcome> {
  return guard.submit('webhook', webhookChange(event, now));
}

export function webhookChange(event: HrWebhookEvent, now: Date): FeedChange {
  const { source, origin } = webhookOrigin(event);
  return { employeeNumber: event.employeeNumber, action: webhookAction(event, now), source, origin };
}

function webhookAction(event: HrWebhookEvent, now: Date): FeedAction {
  const { effectiveDate, reason } = event;
  switch (event.type) {
    case 'hire':
      return { type: 'sync', record: event.record };
    case 'change':
      return { type: 'change-attributes', changes: event.changes, effectiveDate };
    case 'terminate':
      return { type: 'terminate', effectiveDate, reason };
    case 'cancel-termination':
      return { type: 'cancel-termination' };
    case 'leave-start':
      refuseFutureDate(event, now);
      return { type: 'start-leave', reason };
    case 'leave-end':
      refuseFutureDate(event, now);
      return { type: 'return-from-leave' };
    default:
      return assertNeverEvent(event);
  }
}

/** The identity has no scheduled leave: a leave takes effect when it is received. */
function refuseFutureDate(event: HrWebhookEvent, now: Date): void {
  const today = utcDateOf(now, event.employeeNumber);
  if (event.effectiveDate !== null && event.effectiveDate > today) {
    throw new DomainError(
      'validation',
      `employee ${event.employeeNumber}: ${event.type} takes effect when it is received; effectiveDate ${event.effectiveDate} lies in the future (send it on that day, or send null)`,
      { employeeNumber: event.employeeNumber, field: 'effectiveDate', value: event.effectiveDate },
    );
  }
}

function assertNeverEvent(event: never): never {
  throw new Error(`unexpected HR webhook event: ${JSON.stringify(event)}`);
}
