import type { Contender } from '../../measure/interleaved-rounds';
import { now } from '../../measure/timing';

/**
 * Results are folded into this number so the JIT cannot drop a call whose result nobody reads.
 * It is printed at the end for the same reason.
 */
export let sink = 0;

/** A contender that times each of `callsPerRound` synchronous calls of `work` (the i-th call gets i). */
export function timedContender(name: string, callsPerRound: number, work: (call: number) => number): Contender {
  let call = 0;
  return {
    name,
    async runRound() {
      const latencies: number[] = new Array<number>(callsPerRound);
      const started = now();
      for (let i = 0; i < callsPerRound; i++) {
        const before = now();
        sink += work(call++);
        latencies[i] = now() - before;
      }
      return { operations: callsPerRound, elapsedMs: now() - started, latencies };
    },
  };
}

/** Runs `work` `calls` times untimed, so that every path it takes is optimised before the clock starts. */
export function warmUp(calls: number, work: (call: number) => number): void {
  for (let call = 0; call < calls; call++) sink += work(call);
}
