import type { Logger } from '@tenure/platform';

/**
 * Runs `work` every `everyMs` (counted from the end of the previous round) until stopped; a
 * failing round is logged and the next one still comes. A stop waits for the round under way.
 */
export function repeatEvery(everyMs: number, work: () => Promise<unknown>, logger: Logger, failure: string): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = work()
        .catch((error: unknown) => logger.error({ err: error }, failure))
        .finally(schedule);
    }, everyMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
