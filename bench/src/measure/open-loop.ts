import { now, sleep } from './timing';

export interface OpenLoopLoad {
  /** Requests started per second, on schedule, whether or not earlier ones have answered. */
  readonly ratePerSecond: number;
  readonly durationMs: number;
  /** One request; resolves when its answer is complete and checked, rejects when it is wrong. */
  readonly request: () => Promise<void>;
}

export interface OpenLoopResult {
  readonly requests: number;
  /** Per answered request: from the moment it was sent to its complete answer, in ms. */
  readonly latencies: number[];
  /** Per request: how late it was sent after its scheduled moment, in ms (the client keeping up or not). */
  readonly startLags: number[];
  readonly errors: number;
  /** The first error's message, to say what went wrong. */
  readonly firstError?: string;
  /** From the first scheduled start to the last answer. */
  readonly elapsedMs: number;
}

/**
 * Open-loop load: request n is started at `n / rate` seconds, without waiting for the previous one,
 * as independent clients would send them. A closed loop (send, wait, send) would slow down with the
 * server and hide its queueing; here a slow answer leaves the following requests on schedule.
 */
export async function runOpenLoop({ ratePerSecond, durationMs, request }: OpenLoopLoad): Promise<OpenLoopResult> {
  const requests = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const intervalMs = 1000 / ratePerSecond;
  const latencies: number[] = [];
  const startLags: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const send = async (scheduledAt: number) => {
    const sentAt = now();
    startLags.push(sentAt - scheduledAt);
    try {
      await request();
      latencies.push(now() - sentAt);
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  };
  const started = now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < requests; n++) {
    const scheduledAt = started + n * intervalMs;
    const wait = scheduledAt - now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(scheduledAt));
  }
  await Promise.all(inFlight);
  return { requests, latencies, startLags, errors, ...(firstError === undefined ? {} : { firstError }), elapsedMs: now() - started };
}
