import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Stoppable } from '@tenure/service-runtime';
import type { ApplicationConnectors } from '../application/application-connectors';
import type { CredentialsVault } from '../application/credentials/credentials-vault';
import { applicationsWithDueOperations } from '../read-model/operations/operations.queries';
import { ApplicationLane, newLaneMemory, type LaneMemory } from './application-lane';
import type { CircuitBreakers } from './circuit-breaker';
import type { OperationRunner } from './operation-runner';

export interface ProvisioningWorkerDependencies {
  readonly store: PostgresEventStore;
  readonly connectors: ApplicationConnectors;
  readonly vault: CredentialsVault;
  readonly runner: OperationRunner;
  readonly circuits: CircuitBreakers;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Resolves once the read models show everything committed so far (the queue is a read model). */
  readonly readModelsCaughtUp: () => Promise<void>;
  readonly concurrency: number;
  /** How often due operations are looked for when no event wakes the worker (retries fall due with time, not events). */
  readonly pollMs: number;
  /** How long an application's connector stays open after its last operation. */
  readonly lingerMs: number;
}

/** An application's connector is opened again after this long (it then has the settings of then). */
const SESSION_MS = 60_000;
/** Scans for due work at most this often, however many commits wake the worker. */
const MIN_SCAN_INTERVAL_MS = 100;

/**
 * Runs due operations: woken by new events (after the read models caught up with them) and by a
 * timer, it opens a lane per application with work due, not paused and whose circuit admits work.
 * It keeps no queue of its own: the queue is `connector_operations`, the truth is each operation's
 * stream, so a restart (or a crash) simply finds the work still due.
 */
export class ProvisioningWorker implements Stoppable {
  private readonly lanes = new Map<string, ApplicationLane>();
  private readonly memories = new Map<string, LaneMemory>();
  private readonly finished = new Set<Promise<void>>();
  private scanning: Promise<void> | undefined;
  private scanAgain = false;
  private lastScanAt = 0;
  private throttled: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ProvisioningWorkerDependencies) {
    this.unsubscribe = deps.store.wakeups.onWake(() => this.kick());
    this.timer = setInterval(() => this.kick(), deps.pollMs);
    this.kick();
  }

  /**
   * Look for due work now (coalesced: a scan running takes note and scans once more), but at most
   * once per MIN_SCAN_INTERVAL_MS: a wake-up comes with every commit, and each scan makes every
   * open lane ask the queue again, which under a burst kept the database busy answering the same
   * question instead of recording outcomes.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.scanning || this.throttled) {
      this.scanAgain = true;
      return;
    }
    const wait = this.lastScanAt + MIN_SCAN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.throttled = setTimeout(() => {
        this.throttled = undefined;
        this.kick();
      }, wait);
      return;
    }
    this.lastScanAt = Date.now();
    this.scanning = this.scan()
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'provisioning could not look for due operations'))
      .finally(() => {
        this.scanning = undefined;
        if (this.scanAgain) {
          this.scanAgain = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.throttled);
    this.unsubscribe();
    await this.scanning;
    for (const lane of this.lanes.values()) lane.stop();
    await Promise.all(this.finished);
  }

  private async scan(): Promise<void> {
    // New work is seen once the read models caught up; never wait longer than a poll (a lagging read model only delays the view).
    await Promise.race([this.deps.readModelsCaughtUp().catch(() => undefined), delay(this.deps.pollMs)]);
    for (const lane of this.lanes.values()) lane.poke();
    const due = await applicationsWithDueOperations(this.deps.store.pool, this.deps.clock.now());
    for (const applicationId of due) {
      const circuit = this.deps.circuits.of(applicationId);
      if (this.stopped || this.lanes.has(applicationId) || circuit.admits(0, this.deps.concurrency) === 0) continue;
      // With several instances of the service, one provisions an application at a time: the others
      // find its lease taken and leave its operations to that one until it closes its lane or dies.
      const lease = laneLease(applicationId);
      if (!(await this.deps.store.leases.tryTake(lease, () => this.lanes.get(applicationId)?.stop()))) continue;
      // (Scans never overlap, so no lane for it opened meanwhile; a stop may have come.)
      if (this.stopped) {
        await this.deps.store.leases.give(lease);
        continue;
      }
      this.open(applicationId);
    }
  }

  private open(applicationId: string): void {
    const { store, connectors, vault, runner, clock, logger, concurrency } = this.deps;
    let memory = this.memories.get(applicationId);
    if (!memory) this.memories.set(applicationId, (memory = newLaneMemory()));
    const lane = new ApplicationLane(applicationId, this.deps.circuits.of(applicationId), memory, {
      pool: store.pool,
      connectors,
      vault,
      runner,
      clock,
      logger,
      concurrency,
      lingerMs: this.deps.lingerMs,
      sessionMs: SESSION_MS,
    });
    this.lanes.set(applicationId, lane);
    const finished: Promise<void> = lane
      .run()
      .catch((error: unknown) => logger.error({ err: error, applicationId }, 'provisioning to an application stopped'))
      .finally(async () => {
        this.lanes.delete(applicationId);
        await this.deps.store.leases.give(laneLease(applicationId));
        this.finished.delete(finished);
        // A lane that closed with work left (reconfigured, or open for long) is followed by a new one.
        this.kick();
      });
    this.finished.add(finished);
  }
}

/** The lease an instance holds while it provisions an application. */
function laneLease(applicationId: string): string {
  return `provisioning:${applicationId}`;
}
