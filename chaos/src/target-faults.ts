import type { HttpFaultRates } from './faults/http-fault-proxy';
import type { TcpFaultRates } from './faults/tcp-fault-proxy';

/**
 * How hard the targets fail during the storm. High enough that every kind happens many times in a
 * run, low enough that retries (eight to twelve attempts with backoff) get through.
 */
export const TARGET_FAULTS: { readonly tcp: TcpFaultRates; readonly http: HttpFaultRates } = {
  tcp: { stallConnection: 0.05, slowConnection: 0.15, resetPerChunk: 0.01, slowMs: [50, 400] },
  http: { unavailable: 0.08, rateLimited: 0.08, stalled: 0.03, answerLost: 0.04, slow: 0.1, slowMs: [200, 1_500] },
};
