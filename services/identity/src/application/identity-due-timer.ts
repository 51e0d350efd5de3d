import type { Clock } from '@tenure/event-sourcing';
import { startTimerWorker, type TimerWorker } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import { IDENTITY_DUE_TIMER } from '../read-model/identity-directory.projection';
import type { IdentityCommands } from './identity-commands';

/** Fires identities' due dates (start, scheduled changes, scheduled termination) durably, also after downtime. */
export function startIdentityDueTimer(pool: Pool, clock: Clock, commands: IdentityCommands, pollMs?: number): TimerWorker {
  return startTimerWorker({
    pool,
    kind: IDENTITY_DUE_TIMER,
    clock,
    ...(pollMs ? { pollMs } : {}),
    fire: async (timer) => {
      const { employeeNumber } = timer.payload as { employeeNumber: string };
      await commands.applyDueChanges(employeeNumber, {
        actor: { kind: 'system', id: 'identity-due-timer' },
        correlationId: timer.timerId,
      });
    },
  });
}
