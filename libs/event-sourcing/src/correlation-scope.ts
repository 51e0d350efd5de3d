import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/**
 * Runs `work` (and everything it awaits or schedules) as part of the work that `correlationId`
 * names: a request being answered, or an event being handled in the background. Events appended
 * inside carry it (see `CommandContext.correlationId`), and so do log lines (`@tenure/platform`'s
 * logger reads it).
 */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return scope.run(correlationId, work);
}

/** The correlation id of the work in progress, if any. */
export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}
