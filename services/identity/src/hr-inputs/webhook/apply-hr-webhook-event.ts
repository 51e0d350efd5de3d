import { DomainError } from '@tenure/event-sourcing';
import type { CommandOrigin, IdentityCommandResult, IdentityCommands } from '../../application/identity-commands';
import type { HrSource } from '../../domain/hr-record';
import { utcDateOf } from '../../domain/identity';
import type { HrWebhookEvent } from './hr-webhook-event';

/** Every event the webhook applies is recorded as done by the HR feed, correlated by the sender's event id. */
export function webhookOrigin(event: HrWebhookEvent): { readonly source: HrSource; readonly origin: CommandOrigin } {
  return {
    source: { kind: 'webhook', reference: event.eventId },
    origin: { actor: { kind: 'hr-feed', id: 'hr-webhook' }, correlationId: event.eventId },
  };
}

/** Maps a validated webhook event to its identity command; domain refusals surface as `DomainError`. */
export async function applyHrWebhookEvent(commands: IdentityCommands, event: HrWebhookEvent, now: Date): Promise<IdentityCommandResult> {
  const { source, origin } = webhookOrigin(event);
  const { employeeNumber, effectiveDate, reason } = event;
  switch (event.type) {
    case 'hire':
      return commands.syncFromHr(event.record, source, origin);
    case 'change':
      return commands.changeAttributes(employeeNumber, { changes: event.changes, effectiveDate, source }, origin);
    case 'terminate':
      return commands.execute(employeeNumber, { type: 'Terminate', data: { effectiveDate, reason, now, source } }, origin);
    case 'cancel-termination':
      return commands.execute(employeeNumber, { type: 'CancelTermination', data: { now, source } }, origin);
    case 'leave-start':
      refuseFutureDate(event, now);
      return commands.execute(employeeNumber, { type: 'StartLeave', data: { reason, now, source } }, origin);
    case 'leave-end':
      refuseFutureDate(event, now);
      return commands.execute(employeeNumber, { type: 'ReturnFromLeave', data: { now, source } }, origin);
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
