import { DomainError, IdempotencyViolationError, WrongExpectedRevisionError, type Clock } from '@tenure/event-sourcing';
import type { Logger } from '@tenure/platform';
import type { FeedChangeGuard } from '../feed-guard';
import { applyHrWebhookEvent } from './apply-hr-webhook-event';
import type { HrWebhookDeliveries, WebhookAnswer } from './hr-webhook-deliveries';
import { parseHrWebhookEvent, type HrWebhookEvent } from './hr-webhook-event';
import { SIGNATURE_HEADER, verifySignature } from './hr-webhook-signature';

export interface HrWebhookRequest {
  readonly signatureHeader: string | undefined;
  readonly rawBody: Buffer;
}

export interface HrWebhookReceiverDependencies {
  /** Empty: the webhook is not configured and refuses every delivery. */
  readonly secrets: readonly string[];
  readonly deliveries: HrWebhookDeliveries;
  /** Every event goes through the live-feed burst guard (webhook channel). */
  readonly guard: FeedChangeGuard;
  /** The manager-cycle check reads the directory: it must have seen every identity written so far. */
  readonly directory: { directoryCaughtUp(): Promise<void> };
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * One delivery, from raw request to answer: configured? signed? well-formed? seen before? then the
 * identity command. Only signed, valid deliveries reach the database; only answers about the
 * event itself (applied, or refused by the domain) are kept for redeliveries.
 */
export class HrWebhookReceiver {
  constructor(private readonly deps: HrWebhookReceiverDependencies) {}

  async receive(request: HrWebhookRequest): Promise<WebhookAnswer> {
    const { secrets, clock } = this.deps;
    if (secrets.length === 0) {
      return answer(503, { error: 'not_configured', message: 'webhook not configured: set HR_WEBHOOK_SECRETS on the identity service' });
    }
    const signature = verifySignature({ header: request.signatureHeader, rawBody: request.rawBody, secrets, now: clock.now() });
    if (!signature.ok) return answer(401, { error: signature.reason, message: signature.message, header: SIGNATURE_HEADER });

    let json: unknown;
    try {
      json = JSON.parse(request.rawBody.toString('utf8'));
    } catch (error) {
      return answer(400, { error: 'invalid_json', message: `the body is not JSON: ${(error as Error).message}` });
    }
    const parsed = parseHrWebhookEvent(json);
    if (!parsed.ok) {
      const message = parsed.problems.map(({ field, problem }) => `${field} ${problem}`).join('; ');
      return answer(400, { error: 'invalid_body', message, problems: parsed.problems });
    }
    return this.deliverOnce(parsed.event);
  }

  private async deliverOnce(event: HrWebhookEvent): Promise<WebhookAnswer> {
    const { eventId, type, employeeNumber } = event;
    try {
      const outcome = await this.deps.deliveries.once(eventId, this.deps.clock.now(), () => this.apply(event));
      if (outcome.kind === 'first') return outcome.answer;
      return answer(outcome.answer.httpStatus, {
        status: 'duplicate',
        eventId,
        firstReceivedAt: outcome.receivedAt.toISOString(),
        outcome: outcome.answer.body,
      });
    } catch (error) {
      this.deps.logger.error({ err: error, eventId, type, employeeNumber }, 'HR webhook event could not be applied');
      return answer(500, { error: 'internal', message: `event ${eventId} was not applied; deliver it again later`, eventId });
    }
  }

  private async apply(event: HrWebhookEvent) {
    const { eventId, type, employeeNumber } = event;
    try {
      if (setsManager(event)) await this.deps.directory.directoryCaughtUp();
      const outcome = await applyHrWebhookEvent(this.deps.guard, event, this.deps.clock.now());
      if (outcome.kind === 'held') {
        const { holdId, reasons } = outcome;
        this.deps.logger.warn({ eventId, type, employeeNumber, holdId }, 'HR webhook event held by the mass-change guard');
        // Accepted, not applied: the sender must not retry; an administrator confirms or discards the burst.
        return { status: 'held' as const, answer: answer(202, { status: 'held', eventId, type, employeeNumber, holdId, reasons }) };
      }
      const events = outcome.result.events.map((recorded) => recorded.type);
      this.deps.logger.info({ eventId, type, employeeNumber, events }, 'HR webhook event applied');
      return { status: 'applied' as const, answer: answer(200, { status: 'applied', eventId, type, employeeNumber, events }) };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const { code, message, details } = error;
      this.deps.logger.info({ eventId, type, employeeNumber, code }, 'HR webhook event refused');
      return {
        status: 'rejected' as const,
        answer: answer(422, { status: 'rejected', eventId, type, employeeNumber, error: { code, message, details } }),
      };
    }
  }
}

function setsManager(event: HrWebhookEvent): boolean {
  if (event.type === 'hire') return event.record.attributes.managerEmployeeNumber !== null;
  return event.type === 'change' && typeof event.changes.managerEmployeeNumber === 'string';
}

/**
 * A refusal is the domain's final word about this event: recorded, so a redelivery gets it again.
 * A version conflict that outlived the handler's retries, or an id clash, is not about the event: retry.
 */
function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && !(error instanceof WrongExpectedRevisionError) && !(error instanceof IdempotencyViolationError);
}

function answer(httpStatus: number, body: Record<string, unknown>): WebhookAnswer {
  return { httpStatus, body };
}
