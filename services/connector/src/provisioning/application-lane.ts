import { DomainError, type Clock } from '@tenure/event-sourcing';
import { asConnectorError } from '@tenure/connector-sdk';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import type { ApplicationConnectors } from '../application/application-connectors';
import type { CredentialsVault } from '../application/credentials/credentials-vault';
import { manualSettingsSchema } from '../connectors/connector-types';
import type { AttemptFailure } from '../domain/operation';
import { findApplication } from '../read-model/applications/applications.queries';
import { dueOperations, streamRevision, type RowRevisions } from '../read-model/operations/operations.queries';
import { applicationStreamId } from '../application/connector-streams';
import type { CircuitBreaker } from './circuit-breaker';
import type { TaskApplication } from './manual-task';
import type { OperationRunner, OperationTarget } from './operation-runner';
import { ScrubbingConnector } from './scrubbing-connector';

export interface LaneDependencies {
  readonly pool: Pool;
  readonly connectors: ApplicationConnectors;
  readonly vault: CredentialsVault;
  readonly runner: OperationRunner;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Operations of the application running at once. */
  readonly concurrency: number;
  /** How long an idle lane waits for more work before it closes its connector. */
  readonly lingerMs: number;
  /** A lane closes (and the next opens the connector with the settings of then) after this long. */
  readonly sessionMs: number;
}

/**
 * What the lanes of one application remember about the read model lagging the operation streams:
 * - `seen`: rows run, with their version then: a row still showing that is not run again until it
 *   changes (or, if it never does because its outcome could not be recorded, after a while);
 * - `settled`: operations whose outcome is recorded (succeeded, dead, dismissed, task opened):
 *   no longer waiting, so the next operation of the same person may start at once.
 */
export interface LaneMemory {
  /** By operation id: the row's revision when it was run. */
  readonly seen: Map<string, Remembered>;
  readonly settled: Map<string, Remembered>;
}

interface Remembered {
  readonly revision: string;
  readonly at: number;
}

export function newLaneMemory(): LaneMemory {
  return { seen: new Map(), settled: new Map() };
}

/**
 * The provisioning of one application: opens its connector once (through ApplicationConnectors,
 * which opens the credentials) and runs its due operations on it, at most `concurrency` at a time,
 * while there are any; then closes it. Lanes of different applications run independently, so a
 * slow or failing application never holds up the others; its circuit breaker holds it back.
 */
export class ApplicationLane {
  private readonly running = new Map<string, Promise<void>>();
  private wake: (() => void) | undefined;
  private poked = false;
  private stopping = false;
  private reconfigured = false;
  /** The application's stream revision (its configuration's version) when the connector was opened. */
  private configurationRevision: string | null = null;

  constructor(
    readonly applicationId: string,
    private readonly circuit: CircuitBreaker,
    private readonly memory: LaneMemory,
    private readonly deps: LaneDependencies,
  ) {}

  /** More work may be due (new events, an operation finished). */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  stop(): void {
    this.stopping = true;
    this.poke();
  }

  /** Runs until the application has nothing due (or the lane is stopped); resolves when its operations have finished. */
  async run(): Promise<void> {
    // Read before the connector is opened: a change after this is seen as a change.
    this.configurationRevision = await streamRevision(this.deps.pool, applicationStreamId(this.applicationId));
    const application = await findApplication(this.deps.pool, this.applicationId);
    if (application?.connectorType === 'manual') {
      return this.drain({ kind: 'manual', application: taskApplication(application) });
    }
    let opened = false;
    try {
      await this.deps.connectors.use(this.applicationId, async (connector, registered) => {
        opened = true;
        const credentials = this.deps.vault.open(this.applicationId, registered.sealedCredentials);
        await this.drain({
          kind: 'connector',
          connector: new ScrubbingConnector(connector, credentials),
          application: taskApplication({ name: registered.name, ownerEmployeeNumber: registered.ownerEmployeeNumber, settings: {} }),
        });
      });
    } catch (error) {
      if (opened) throw error;
      // The connector could not be opened: the due operations say why (and retry, or become dead letters).
      await this.drain({ kind: 'unreachable', failure: openingFailure(this.applicationId, error) });
    }
  }

  private async drain(target: OperationTarget): Promise<void> {
    const openedAt = Date.now();
    let idleSince: number | null = null;
    for (;;) {
      const retiring = this.stopping || this.reconfigured || Date.now() - openedAt > this.deps.sessionMs;
      const started = retiring ? 0 : await this.fill(target);
      if (this.running.size > 0 || started > 0) {
        idleSince = null;
        await this.sleep(this.deps.lingerMs);
        continue;
      }
      if (retiring || target.kind === 'unreachable') break;
      // Nothing running nor due: linger a little (more may be on its way: a successor waiting for the read model), then close.
      idleSince ??= Date.now();
      const left = this.deps.lingerMs - (Date.now() - idleSince);
      if (left <= 0) break;
      await this.sleep(left);
    }
    await Promise.all(this.running.values());
  }

  /** Starts what is due, up to what the concurrency limit and the circuit breaker admit; returns how many started. */
  private async fill(target: OperationTarget): Promise<number> {
    const free = this.circuit.admits(this.running.size, this.deps.concurrency);
    if (free === 0) return 0;
    this.forgetOld();
    const { seen, settled } = this.memory;
    const rows = await dueOperations(this.deps.pool, {
      applicationId: this.applicationId,
      applicationStreamId: applicationStreamId(this.applicationId),
      now: this.deps.clock.now(),
      limit: free,
      seen: revisions(seen),
      settled: revisions(settled),
    });
    // A connector opened with settings or credentials that changed since is closed, and the next lane opens it anew.
    if (rows[0] && rows[0].application_revision !== this.configurationRevision) {
      this.reconfigured = true;
      return 0;
    }
    let started = 0;
    for (const row of rows) {
      if (this.running.has(row.operation_id)) continue; // its row changed while it ran (an administrator): it ends first
      seen.set(row.operation_id, { revision: row.revision, at: Date.now() });
      this.circuit.started();
      this.start(row.operation_id, row.revision, target);
      started += 1;
    }
    return started;
  }

  private start(operationId: string, revision: string, target: OperationTarget): void {
    const running = this.deps.runner
      .run(operationId, target)
      .then(
        (result) => {
          this.circuit.finished(result.target);
          if (result.settled) this.memory.settled.set(operationId, { revision, at: Date.now() });
        },
        (error: unknown) => {
          this.circuit.finished({ kind: 'not-asked' });
          throw error;
        },
      )
      .catch((error: unknown) => {
        // Not an answer from the target (the database, a bug): logged, and retried once its row is seen again.
        this.deps.logger.error({ err: error, operationId, applicationId: this.applicationId }, 'an operation could not be run');
      })
      .finally(() => {
        this.running.delete(operationId);
        this.poke();
      });
    this.running.set(operationId, running);
  }

  /** Sleeps until poked or `ms` passed; true when poked. */
  private sleep(ms: number): Promise<boolean> {
    if (this.poked) {
      this.poked = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.poked = false;
        resolve(true);
      };
    });
  }

  private forgetOld(): void {
    // A row that never changes (its outcome could not be recorded) is tried again after a while;
    // by then the read model shows what was settled.
    const before = Date.now() - REMEMBERED_MS;
    for (const [operationId, seen] of this.memory.seen) if (seen.at < before) this.memory.seen.delete(operationId);
    for (const [operationId, settled] of this.memory.settled) if (settled.at < before) this.memory.settled.delete(operationId);
  }
}

/**
 * Long enough for the read model to catch up with an outcome, short enough to keep the lists the
 * due-operations query is given small. Forgetting early only costs a little: a row run again is
 * read from its stream and found settled; a successor waits for the read model.
 */
const REMEMBERED_MS = 2_000;

function revisions(remembered: ReadonlyMap<string, Remembered>): RowRevisions {
  return new Map([...remembered].map(([operationId, { revision }]) => [operationId, revision]));
}

function taskApplication(application: { name: string; ownerEmployeeNumber: string; settings: unknown }): TaskApplication {
  const settings = manualSettingsSchema.safeParse(application.settings);
  return {
    name: application.name,
    ownerEmployeeNumber: application.ownerEmployeeNumber,
    settings: settings.success ? settings.data : manualSettingsSchema.parse({}),
  };
}

function openingFailure(applicationId: string, error: unknown): AttemptFailure {
  if (error instanceof DomainError) {
    return error.code === 'not_found'
      ? {
          kind: 'application-not-registered',
          message: `application "${applicationId}" is not registered`,
          retryable: true,
          retryAfterMs: null,
        }
      : { kind: 'configuration', message: error.message, retryable: false, retryAfterMs: null };
  }
  const failure = asConnectorError(error);
  return { kind: failure.kind, message: failure.message, retryable: failure.retryable, retryAfterMs: failure.retryAfterMs };
}
