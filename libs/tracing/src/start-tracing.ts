import { tracesWanted } from './traces-wanted';

export interface RunningTracing {
  /** Sends the spans still buffered and stops the SDK. */
  stop(): Promise<void>;
}

let running: RunningTracing | undefined;

/**
 * Starts OpenTelemetry tracing for this process when the environment asks for it (see
 * `tracesWanted`); otherwise does nothing and the tracing API stays a no-op. Call it before anything
 * else is imported (each main's `tracing.ts`, imported first): the instrumentations patch `http`,
 * `express`, `graphql` and `pg` as they are loaded. Starting twice returns the first.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): RunningTracing | undefined {
  if (running || !tracesWanted(env)) return running;
  // Loaded only when traces are on: the SDK and its instrumentations take about 100 ms and 13 MB to
  // load, which every process, CLI and test file importing this library would otherwise pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  running = startSdk(serviceName);
  return running;
}

/** True once `startTracing` started the SDK in this process. */
export function tracingStarted(): boolean {
  return running !== undefined;
}

/** Flushes and stops the SDK if it was started: call on shutdown, or the last few seconds of spans are lost. */
export async function stopTracing(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.stop();
}
