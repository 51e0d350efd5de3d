import { ConnectorError } from '@tenure/connector-sdk';
import { commandHandler, currentCorrelationId, DomainError, type Actor, type Clock, type IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { ApplicationConnectors } from '../application/application-connectors';
import { loadApplication } from '../application/connector-streams';
import type { DriftRemediation } from '../domain/application';
import {
  reconciliationRunDecider,
  type AdministratorAction,
  type DriftFinding,
  type DriftToRemediate,
  type ReconciliationRunState,
  type ReconciliationTrigger,
  type RunError,
  type TargetListing,
} from '../domain/reconciliation';
import {
  applicationsWithRunningRuns,
  findDrift,
  knownDrift,
  lastRun,
  runningRuns,
  type DriftView,
} from '../read-model/reconciliation/reconciliation.queries';
import { detectDrift, driftPages } from './drift-detection';
import { candidateDriftId, toFinding } from './drift-findings';
import { DriftRemediator } from './drift-remediator';
import { reconciliationRunStreamId } from './reconciliation-streams';
import { RunRecorder } from './run-recorder';
import { runWithConcurrency } from './run-with-concurrency';
import { tryWithAdvisoryLock } from './run-lock';
import {
  analyzeListed,
  clearListing,
  clearScratch,
  countListed,
  ensureScratchTables,
  storeAccounts,
  storeGrants,
  type RunScope,
} from './scratch-tables';
import { readListing, type ListingOptions } from './target-listing';

export interface ReconciliationOptions {
  /** Accounts or grants asked of the target per page. */
  readonly pageSize: number;
  /** Drift per DriftDetected event (and per page read back from the comparison). */
  readonly driftBatchSize: number;
  /** Changes younger than this are left to the provisioning under way (see DetectionWindow); 0 compares everything. */
  readonly settleMinutes: number;
  /** Drift remediated (operations requested, adoptions recorded) at the same time. */
  readonly remediationConcurrency: number;
  readonly maxPages: number;
  readonly attemptsPerPage: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RECONCILIATION_OPTIONS: ReconciliationOptions = {
  pageSize: 500,
  driftBatchSize: 500,
  settleMinutes: 15,
  remediationConcurrency: 8,
  maxPages: 100_000,
  attemptsPerPage: 4,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ReconciliationDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly connectors: ApplicationConnectors;
  /** Resolves once the read models show everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
  readonly options?: Partial<ReconciliationOptions>;
}

export interface RunRequest {
  readonly trigger: ReconciliationTrigger;
  readonly actor: Actor;
  /** For scheduled runs: nothing is done if a run of the application started at or after this time (another instance ran it). */
  readonly unlessStartedSince?: Date;
}

/** How a run ended: completed with its counts, or failed with the error (a failing target is an outcome, not an exception). */
export type RunOutcome = Extract<ReconciliationRunState, { status: 'completed' | 'failed' }>;

/**
 * Reconciliation of one application at a time: reads the target's accounts and grants into scratch
 * tables, compares them with the desired state in SQL, records the drift in batches, and remediates
 * it as the application's setting says. One run per application at a time (an advisory lock across
 * every instance of the service); a second request while one runs is refused.
 */
export class ReconciliationService {
  private readonly options: ReconciliationOptions;
  private readonly remediator: DriftRemediator;
  private readonly handleRun;

  constructor(private readonly deps: ReconciliationDependencies) {
    this.options = { ...DEFAULT_RECONCILIATION_OPTIONS, ...deps.options };
    this.remediator = new DriftRemediator({ store: deps.store, ids: deps.ids });
    this.handleRun = commandHandler(deps.store, reconciliationRunDecider, { ids: deps.ids });
  }

  /**
   * Runs a reconciliation now and resolves when it ended; null when a scheduled run found the
   * application reconciled meanwhile. `onStarted` hears the run id as soon as the run is recorded.
   */
  async run(applicationId: string, request: RunRequest, onStarted?: (runId: string) => void): Promise<RunOutcome | null> {
    const application = await loadApplication(this.deps.store, applicationId);
    if (application.status === 'none') {
      throw new DomainError('not_found', `application "${applicationId}" is not registered`, { applicationId });
    }
    if (application.application.connectorType === 'manual') {
      throw new DomainError('illegal_state', `application "${applicationId}" is manual: there is no connector to read its accounts from`, {
        applicationId,
      });
    }
    const { remediation } = application.application.reconciliation;
    const locked = await tryWithAdvisoryLock(this.deps.store.pool, runLockName(applicationId), (client) =>
      this.runLocked(client, applicationId, remediation, request, onStarted),
    );
    if (!locked.acquired) {
      throw new DomainError(
        'conflict',
        `a reconciliation of application "${applicationId}" is running: wait for it to finish (reconciliationRuns shows it)`,
        { applicationId },
      );
    }
    return locked.result;
  }

  /**
   * Ends, as abandoned, every run the read model shows running although no instance is working on
   * it: its application's run lock is free. A run holds that lock on its own database session from
   * before it starts until after it ends, and PostgreSQL releases it when the session ends, so a
   * free lock means the process running it died (or lost its connection, which fails the run too).
   * Resolves with the runs ended.
   */
  async endInterruptedRuns(actor: Actor): Promise<string[]> {
    const ended: string[] = [];
    for (const applicationId of await applicationsWithRunningRuns(this.deps.store.pool)) {
      const locked = await tryWithAdvisoryLock(this.deps.store.pool, runLockName(applicationId), async (client) => {
        // A run that ended just before the lock was taken may not be in the read model yet.
        await this.deps.readModelsCaughtUp();
        return this.abandonInterruptedRuns(client, applicationId, actor, 'the service running it stopped before the run finished');
      });
      if (locked.acquired) ended.push(...locked.result);
    }
    return ended;
  }

  /** An administrator's decision about one open drift: revoke (fix the target), adopt, or dismiss. */
  async remediate(driftId: string, action: AdministratorAction, comment: string, actor: Actor): Promise<void> {
    await this.deps.readModelsCaughtUp();
    const view = await findDrift(this.deps.store.pool, driftId);
    if (!view) throw new DomainError('not_found', `no drift "${driftId}" was found by any reconciliation`, { driftId });
    if (view.goneAt !== null || view.status === 'remediated' || view.status === 'resolved') {
      throw new DomainError(
        'illegal_state',
        `drift ${driftId} is ${view.status}: the target no longer shows it (last seen by run ${view.lastSeenRunId}); nothing to remediate`,
        { driftId, status: view.status },
      );
    }
    const commandId = this.deps.ids.newId();
    await this.remediator.remediate(
      toRemediate(view),
      { by: 'administrator', action, comment },
      // Correlated with the administrator's request, as commands are by default.
      { actor, correlationId: currentCorrelationId() ?? commandId, causationId: null, now: this.deps.clock.now() },
    );
  }

  private async runLocked(
    client: PoolClient,
    applicationId: string,
    remediation: DriftRemediation,
    request: RunRequest,
    onStarted: ((runId: string) => void) | undefined,
  ) {
    await this.deps.readModelsCaughtUp();
    if (request.unlessStartedSince) {
      const last = await lastRun(client, applicationId);
      if (last && last.startedAt >= request.unlessStartedSince) return null;
    }
    await this.abandonInterruptedRuns(
      client,
      applicationId,
      request.actor,
      'the service stopped before the run finished; a later run replaced it',
    );
    await ensureScratchTables(this.deps.store.pool);
    await clearScratch(client, applicationId);

    const recorder = new RunRecorder(this.deps, this.deps.ids.newId(), request.actor);
    const scope: RunScope = { runId: recorder.runId, applicationId };
    await recorder.record({
      type: 'StartReconciliation',
      data: { runId: scope.runId, applicationId, trigger: request.trigger, remediation, now: this.deps.clock.now() },
    });
    onStarted?.(scope.runId);
    try {
      await this.readTarget(client, scope, recorder);
      await analyzeListed(client);
      const listed = await countListed(client, scope.runId);
      await this.recordDrift(client, scope, remediation, recorder, request.actor);
      await recorder.record({
        type: 'CompleteReconciliation',
        data: { accountsSeen: listed.accounts, grantsSeen: listed.grants, now: this.deps.clock.now() },
      });
    } catch (error) {
      if (recorder.current.status !== 'running') throw error;
      await recorder.record({ type: 'FailReconciliation', data: { error: runError(error), now: this.deps.clock.now() } });
    } finally {
      await clearScratch(client, applicationId);
    }
    return recorder.current as RunOutcome;
  }

  private async readTarget(client: PoolClient, scope: RunScope, recorder: RunRecorder): Promise<void> {
    const listing: ListingOptions = this.options;
    const restart = (which: TargetListing) => async (reason: string) => {
      try {
        await recorder.record({ type: 'RestartListing', data: { listing: which, reason, now: this.deps.clock.now() } });
      } catch (error) {
        if (error instanceof DomainError) throw new ConnectorError('invalid', error.message);
        throw error;
      }
      await clearListing(client, scope.runId, which);
    };
    await this.deps.connectors.use(scope.applicationId, async (connector) => {
      if (!connector.capabilities.list) {
        throw new ConnectorError(
          'unsupported',
          `the ${connector.type} connector of "${scope.applicationId}" cannot list accounts and grants`,
        );
      }
      await readListing(
        'accounts',
        (cursor, size) => connector.listAccounts(cursor, size),
        { store: (items) => storeAccounts(client, scope, items), restart: restart('accounts') },
        listing,
      );
      await readListing(
        'grants',
        (cursor, size) => connector.listGrants(cursor, size),
        { store: (items) => storeGrants(client, scope, items), restart: restart('grants') },
        listing,
      );
    });
  }

  private async recordDrift(
    client: PoolClient,
    scope: RunScope,
    remediation: DriftRemediation,
    recorder: RunRecorder,
    actor: Actor,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const settledBefore = this.options.settleMinutes > 0 ? new Date(now.getTime() - this.options.settleMinutes * 60_000) : null;
    await detectDrift(client, scope, { now, settledBefore });
    for await (const candidates of driftPages(client, scope.runId, this.options.driftBatchSize)) {
      const known = await knownDrift(
        client,
        candidates.map((candidate) => candidateDriftId(scope.applicationId, candidate)),
      );
      const findings = candidates.map((candidate) =>
        toFinding(scope.applicationId, candidate, known.get(candidateDriftId(scope.applicationId, candidate)) ?? null, remediation),
      );
      const { lastEventId } = await recorder.record({ type: 'RecordDrift', data: { drift: findings, now: this.deps.clock.now() } });
      const context = { actor, correlationId: scope.runId, causationId: lastEventId, now: this.deps.clock.now() };
      const acted = findings.filter((finding) => finding.remediation.kind === 'operation' || finding.remediation.kind === 'adopt');
      await runWithConcurrency(acted, this.options.remediationConcurrency, async (finding) => {
        await this.remediator.remediate(toRemediateFinding(finding, scope.runId), { by: 'policy', plan: finding.remediation }, context);
      });
    }
  }

  /** Runs left `running` by a stopped service: nothing will finish them, so they are failed, saying so. Call holding the run lock. */
  private async abandonInterruptedRuns(client: PoolClient, applicationId: string, actor: Actor, message: string): Promise<string[]> {
    const abandoned: string[] = [];
    for (const runId of await runningRuns(client, applicationId)) {
      const now = this.deps.clock.now();
      const commandId = this.deps.ids.newId();
      const failed = await this.handleRun(
        reconciliationRunStreamId(runId),
        { type: 'FailReconciliation', data: { error: { kind: 'abandoned', message }, now } },
        { commandId, correlationId: runId, actor, now },
      ).then(
        () => true,
        (error: unknown) => {
          // Finished meanwhile (the read model was behind): nothing to abandon.
          if (error instanceof DomainError && error.code === 'illegal_state') return false;
          throw error;
        },
      );
      if (failed) abandoned.push(runId);
    }
    return abandoned;
  }
}

/** One run per application at a time, across every instance of the service. */
function runLockName(applicationId: string): string {
  return `connector-reconciliation:${applicationId}`;
}

function toRemediateFinding(finding: DriftFinding, runId: string): DriftToRemediate {
  const { firstSeen: _firstSeen, remediation: _remediation, reason: _reason, differences: _differences, ...drift } = finding;
  return { ...drift, detectedInRunId: runId };
}

function toRemediate(view: DriftView): DriftToRemediate {
  return {
    driftId: view.driftId,
    occurrence: view.occurrence,
    applicationId: view.applicationId,
    kind: view.kind,
    userName: view.userName,
    entitlementKey: view.entitlementKey,
    identityId: view.identityId,
    employeeNumber: view.employeeNumber,
    identityStatus: view.identityStatus as DriftToRemediate['identityStatus'],
    accountEnabled: view.accountEnabled,
    assignmentId: view.assignmentId,
    detectedInRunId: view.firstSeenRunId,
  };
}

/** What a failed run shows: the target's error kind and its (already scrubbed) message. */
function runError(error: unknown): RunError {
  if (error instanceof ConnectorError) return { kind: error.kind, message: error.message };
  if (error instanceof DomainError) return { kind: error.code, message: error.message };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
