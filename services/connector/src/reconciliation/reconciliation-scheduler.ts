import { DomainError, type Actor, type Clock } from '@tenure/event-sourcing';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import { scheduledApplications } from '../read-model/reconciliation/reconciliation.queries';
import type { ReconciliationService } from './reconciliation-service';
import { repeatEvery } from './repeat-every';

export const SCHEDULER: Actor = { kind: 'system', id: 'reconciliation-schedule' };

/**
 * Starts the reconciliations that are due: an application with a schedule is due `scheduleMinutes`
 * after its last run started (or after it was registered). Durable without timers of its own: what
 * is due is read from the read models at each check, so runs missed while the service was down
 * happen at the first check after a start. Applications are reconciled one after the other (a run
 * of 100,000 accounts is heavy enough); a run elsewhere (another instance) is skipped, not waited for.
 */
export class ReconciliationScheduler {
  constructor(
    private readonly deps: {
      readonly pool: Pool;
      readonly clock: Clock;
      readonly service: ReconciliationService;
      readonly logger: Logger;
    },
  ) {}

  /** Runs every due reconciliation once; resolves with the applications reconciled. */
  async runDue(): Promise<string[]> {
    const reconciled: string[] = [];
    for (const { applicationId, scheduleMinutes, since, lastStartedAt } of await scheduledApplications(this.deps.pool)) {
      const now = this.deps.clock.now();
      const dueSince = new Date(now.getTime() - scheduleMinutes * 60_000);
      if ((lastStartedAt ?? since) > dueSince) continue;
      try {
        const outcome = await this.deps.service.run(applicationId, { trigger: 'schedule', actor: SCHEDULER, unlessStartedSince: dueSince });
        if (outcome) reconciled.push(applicationId);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'conflict') continue; // running elsewhere
        this.deps.logger.error({ err: error, applicationId }, 'scheduled reconciliation could not start');
      }
    }
    return reconciled;
  }

  /** Checks every `checkEveryMs` until stopped; a stop waits for the check under way. */
  start(checkEveryMs: number): { stop(): Promise<void> } {
    return repeatEvery(checkEveryMs, () => this.runDue(), this.deps.logger, 'scheduled reconciliations failed');
  }
}
