import { commandHandler, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { startTimerWorker, type TimerWorker } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import { sodExceptionDecider } from '../domain/sod-exception';
import { SOD_EXCEPTION_EXPIRY_TIMER } from '../read-model/sod-exceptions/sod-exceptions.projection';
import { sodExceptionStreamId } from './policy-streams';

/**
 * At an exception's validUntil, records SodExceptionExpired; detective SoD reacts to that event
 * like to a revocation (the waived violation is current again). Durable, so an exception that
 * ended while the service was down is recorded at the next start; firing twice records nothing
 * twice. The timer only appends: checking SoD here, inside the timer's transaction, would wait for
 * read models that cannot pass the transaction's own place in the log.
 */
export function startSodExceptionExpiryTimer(
  deps: { readonly store: EventStore; readonly pool: Pool; readonly clock: Clock; readonly ids: IdGenerator },
  pollMs?: number,
): TimerWorker {
  const handle = commandHandler(deps.store, sodExceptionDecider, { ids: deps.ids });
  return startTimerWorker({
    pool: deps.pool,
    kind: SOD_EXCEPTION_EXPIRY_TIMER,
    clock: deps.clock,
    ...(pollMs ? { pollMs } : {}),
    fire: async (timer) => {
      const { exceptionId } = timer.payload as { exceptionId: string };
      const now = deps.clock.now();
      await handle(
        sodExceptionStreamId(exceptionId),
        { type: 'ExpireSodException', data: { exceptionId, now } },
        { commandId: deps.ids.newId(), correlationId: timer.timerId, actor: { kind: 'system', id: 'sod-exception-expiry' }, now },
      );
    },
  });
}
