import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request carries (see `createLogger`'s mixin). */
export interface LogContext {
  readonly correlationId: string;
}

/** The header a correlation id travels in: from the client or the gateway, and back in the response. */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<LogContext>();
/** Short and plain: a presented id is written into every log line, so nothing that could forge one. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Runs `work` (and everything it awaits or schedules) with this context in every log line. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
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
