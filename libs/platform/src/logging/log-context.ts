import { currentCorrelationId, withCorrelationId } from '@tenure/event-sourcing';

/**
 * What every log line written while handling one request, or one event in the background, carries
 * (see `createLogger`'s mixin). Kept in the event log's correlation scope, so the events appended
 * meanwhile carry the same id by default (`CommandContext.correlationId`).
 */
export interface LogContext {
  readonly correlationId: string;
}

/** The header a correlation id travels in: from the client or the gateway, and back in the response. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Short and plain: a presented id is written into every log line, so nothing that could forge one. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Runs `work` (and everything it awaits or schedules) with this context in every log line. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return withCorrelationId(context.correlationId, work);
}

export function currentLogContext(): LogContext | undefined {
  const correlationId = currentCorrelationId();
  return correlationId === undefined ? undefined : { correlationId };
}

interface HttpRequestLike {
  header(name: string): string | undefined;
}
interface HttpResponseLike {
  setHeader(name: string, value: string): unknown;
}

/**
 * Express middleware: the request's correlation id is the one presented in `x-correlation-id` when it
 * is plain enough, else a new one; it is sent back in the response, and every log line written while
 * the request is handled carries it.
 */
export function correlationMiddleware(newId: () => string) {
  return (request: HttpRequestLike, response: HttpResponseLike, next: () => void): void => {
    const presented = request.header(CORRELATION_HEADER);
    const correlationId = presented !== undefined && ACCEPTED_ID.test(presented) ? presented : newId();
    response.setHeader(CORRELATION_HEADER, correlationId);
    withLogContext({ correlationId }, next);
  };
}
