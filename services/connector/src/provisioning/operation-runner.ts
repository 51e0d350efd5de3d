import { operationStreamId } from '@tenure/contracts';
import type { Connector } from '@tenure/connector-sdk';
import {
  commandHandler,
  DomainError,
  fold,
  withCorrelationId,
  WrongExpectedRevisionError,
  type Actor,
  type Clock,
  type CommandContext,
  type EventStore,
  type ExpectedRevision,
  type IdGenerator,
  type NewEvent,
} from '@tenure/event-sourcing';
import type { Logger } from '@tenure/platform';
import { annotateActiveSpan, continuingTrace, inSpan, type TraceCarrier } from '@tenure/tracing';
import {
  operationDecider,
  type AcknowledgedStep,
  type AttemptFailure,
  type OperationCommand,
  type OperationEvent,
  type OperationRequest,
  type OperationState,
  type OperationSuccessType,
  type RetryPolicy,
} from '../domain/operation';
import type { Queryable } from '../read-model/queryable';
import type { TargetOutcome } from './circuit-breaker';
import { executeOperation, type Execution } from './execute-operation';
import { manualTaskFor, type TaskApplication } from './manual-task';
import { IDENTITY_UNKNOWN, prepareOperation, type Preparation } from './prepare-operation';
import { NO_PROVISIONING_METRICS, type ProvisioningMetrics } from './provisioning-metrics';

/** Who records what the worker did. */
export const PROVISIONING_ACTOR: Actor = { kind: 'service', id: 'connector-provisioning' };

/** Where an application's operations go: its connector, a person, or nowhere for now (the connector could not be opened). */
export type OperationTarget =
  | { readonly kind: 'connector'; readonly connector: Connector; readonly application: TaskApplication }
  | { readonly kind: 'manual'; readonly application: TaskApplication }
  | { readonly kind: 'unreachable'; readonly failure: AttemptFailure };

/**
 * What one run did: what it learnt about the target (for the application's circuit breaker), and
 * whether the operation is settled (succeeded, dead, dismissed, handed to a person) or still waiting.
 */
export interface RunResult {
  readonly target: TargetOutcome;
  readonly settled: boolean;
}

const NOT_ASKED: TargetOutcome = { kind: 'not-asked' };

export interface OperationRunnerDependencies {
  readonly store: EventStore;
  readonly db: Queryable;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** A draw in [0, 1) for the backoff's jitter. */
  readonly random: () => number;
  readonly retryPolicy: RetryPolicy;
  readonly logger: Logger;
  /** Resolves once the read models show everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
  /** Default: none kept. */
  readonly metrics?: ProvisioningMetrics;
}

/**
 * Runs one operation: reads its stream (the read model that found it may lag), looks up what it
 * needs, asks the target (or opens a manual task), and records the outcome. The target is asked
 * before anything is recorded: after a crash in between, the operation is still due and runs
 * again, and the connector's idempotence makes the effect happen once.
 */
export class OperationRunner {
  private readonly handle;

  constructor(private readonly deps: OperationRunnerDependencies) {
    this.handle = commandHandler(deps.store, operationDecider, { ids: deps.ids });
  }

  async run(operationId: string, target: OperationTarget): Promise<RunResult> {
    const loaded = await this.load(operationId);
    const { state } = loaded;
    const now = this.deps.clock.now();
    if (state.status !== 'pending' || (state.nextAttemptAt !== null && new Date(state.nextAttemptAt) > now)) {
      return { target: NOT_ASKED, settled: state.status !== 'pending' };
    }
    const { applicationId, action } = state.request;
    // Part of the work that asked for the operation: its log lines and events carry that correlation
    // id, and its span continues that trace (a portal request's, when traces are on).
    return withCorrelationId(loaded.correlationId, () =>
      continuingTrace(loaded.trace, () =>
        inSpan(
          `tenure.provision ${action}`,
          {
            attributes: {
              'tenure.application': applicationId,
              'tenure.action': action,
              'tenure.operation_id': operationId,
              'tenure.correlation_id': loaded.correlationId,
            },
          },
          () => this.runDue(loaded, state, target),
        ),
      ),
    );
  }

  private async runDue(loaded: LoadedOperation, state: PendingOperation, target: OperationTarget): Promise<RunResult> {
    const { operationId } = loaded;
    const record = (command: (now: Date) => OperationCommand) => this.record(loaded, command);

    if (target.kind === 'unreachable') {
      const settled = await record((at) => this.attempt([], target.failure, at));
      return { target: target.failure.retryable ? down(target.failure) : NOT_ASKED, settled };
    }
    const preparation = await this.prepare(state.request, state.succeeded);
    if (preparation.kind === 'superseded') {
      const settled = await record((at) => ({
        type: 'DismissOperation',
        data: { by: PROVISIONING_ACTOR, reason: preparation.reason, now: at },
      }));
      return { target: NOT_ASKED, settled };
    }
    if (preparation.kind === 'not-ready') {
      return { target: NOT_ASKED, settled: await record((at) => this.attempt([], preparation.failure, at)) };
    }
    const operation = preparation.operation;
    if (target.kind === 'manual') {
      const settled = await record((at) => ({ type: 'OpenManualTask', data: manualTaskFor(operation, target.application, at) }));
      return { target: NOT_ASKED, settled };
    }
    const called = performance.now();
    const execution = await inSpan(
      'tenure.connector.call',
      { attributes: { 'tenure.application': state.request.applicationId, 'tenure.action': state.request.action } },
      async () => {
        const executed = await executeOperation(target.connector, operation);
        annotateActiveSpan({ 'tenure.outcome': outcomeOf(executed) });
        return executed;
      },
    );
    (this.deps.metrics ?? NO_PROVISIONING_METRICS).targetCalled(
      state.request.applicationId,
      state.request.action,
      outcomeOf(execution),
      (performance.now() - called) / 1_000,
    );
    if (execution.kind === 'needs-person') {
      this.deps.logger.info({ operationId, missing: execution.missing }, 'the connector cannot do this: a manual task is opened');
      const settled = await record((at) => ({ type: 'OpenManualTask', data: manualTaskFor(operation, target.application, at) }));
      return { target: { kind: 'target-up' }, settled };
    }
    const { steps, failure } = execution;
    const settled = await record((at) => this.attempt(steps, failure, at, operation.account.employeeNumber || null));
    return { target: failure?.retryable ? down(failure) : { kind: 'target-up' }, settled };
  }

  /** The desired state may not show a person hired a moment ago yet: before calling them unknown, let it catch up once. */
  private async prepare(request: OperationRequest, succeeded: readonly OperationSuccessType[]): Promise<Preparation> {
    const preparation = await prepareOperation(this.deps.db, request, succeeded);
    if (preparation.kind !== 'not-ready' || preparation.failure.kind !== IDENTITY_UNKNOWN) return preparation;
    await this.deps.readModelsCaughtUp().catch(() => undefined);
    return prepareOperation(this.deps.db, request, succeeded);
  }

  /** `employeeNumber`: whose account the steps changed, so the event store seals its user name under their key. */
  private attempt(
    steps: readonly AcknowledgedStep[],
    failure: AttemptFailure | null,
    now: Date,
    employeeNumber: string | null = null,
  ): OperationCommand {
    return {
      type: 'RecordAttempt',
      data: { steps, failure, retryPolicy: this.deps.retryPolicy, jitter: this.deps.random(), now, employeeNumber },
    };
  }

  private async load(operationId: string): Promise<LoadedOperation> {
    const recorded = await this.deps.store.readStream(operationStreamId(operationId));
    const state = fold(
      operationDecider,
      recorded.map((event) => ({ type: event.type, data: event.data }) as OperationEvent),
    );
    return {
      operationId,
      state,
      revision: recorded.at(-1)?.revision ?? 'no_stream',
      correlationId: recorded[0]?.metadata.correlationId ?? operationId,
      trace: recorded[0]?.metadata.trace,
    };
  }

  /**
   * Records with the request's correlation id, so the outcome links back to its cause; true when the
   * operation is settled then. Decided on the state read before the run and appended at the revision
   * read then; if the stream moved meanwhile, decided again on what it says now.
   */
  private async record(loaded: LoadedOperation, command: (now: Date) => OperationCommand): Promise<boolean> {
    const now = this.deps.clock.now();
    const decided = command(now);
    const context = { commandId: this.deps.ids.newId(), correlationId: loaded.correlationId, actor: PROVISIONING_ACTOR, now };
    const streamId = operationStreamId(loaded.operationId);
    try {
      try {
        const events = operationDecider.decide(decided, loaded.state);
        if (events.length > 0) {
          await this.deps.store.appendToStream(
            streamId,
            events.map((event) => newEvent(event, context, this.deps.ids.newId())),
            { expectedRevision: loaded.revision },
          );
        }
        return events.reduce(operationDecider.evolve, loaded.state).status !== 'pending';
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const { state } = await this.handle(streamId, decided, context);
        return state.status !== 'pending';
      }
    } catch (error) {
      // Someone else settled it meanwhile (an administrator dismissed it while it ran): say so, do not hide it.
      if (error instanceof DomainError && error.code === 'illegal_state') {
        this.deps.logger.warn(
          { operationId: loaded.operationId, err: error },
          'the outcome of an operation could not be recorded: it was settled meanwhile',
        );
        return true;
      }
      throw error;
    }
  }
}

interface LoadedOperation {
  readonly operationId: string;
  readonly state: OperationState;
  readonly revision: ExpectedRevision;
  readonly correlationId: string;
  /** The trace the operation was requested in, if traces were on. */
  readonly trace: TraceCarrier | undefined;
}

type PendingOperation = Extract<OperationState, { status: 'pending' }>;

/** How a call to the target went, as the metrics and the span name it. */
function outcomeOf(execution: Execution): 'needs-person' | 'succeeded' | 'retrying' | 'failed' {
  if (execution.kind === 'needs-person') return 'needs-person';
  if (!execution.failure) return 'succeeded';
  return execution.failure.retryable ? 'retrying' : 'failed';
}

function newEvent(event: OperationEvent, context: Required<CommandContext>, eventId: string): NewEvent {
  return {
    type: event.type,
    data: event.data,
    metadata: {
      eventId,
      correlationId: context.correlationId,
      causationId: context.commandId,
      actor: context.actor,
      occurredAt: context.now.toISOString(),
    },
  };
}

function down(failure: AttemptFailure): TargetOutcome {
  return { kind: 'target-down', errorKind: failure.kind, message: failure.message };
}
