import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, type SchemaReadiness } from '@tenure/service-runtime';
import { workflowAssignmentsProjection } from '../read-model/workflow-assignments/workflow-assignments.projection';
import { workflowIdentitiesProjection } from '../read-model/workflow-identities/workflow-identities.projection';
import { workflowPolicyVersionsProjection } from '../read-model/workflow-policy-versions/workflow-policy-versions.projection';
import { AssignmentQueries } from './assignment-queries';
import { BirthrightAssigner } from './birthright-assigner';
import { BirthrightProcess } from './birthright-process';
import { LatestPolicy } from './latest-policy';

export const WORKFLOW_PROJECTIONS = [
  workflowIdentitiesProjection,
  workflowPolicyVersionsProjection,
  workflowAssignmentsProjection,
] as const;

/** At a start after a large HR import the read models may have much to catch up on: the process waits for them. */
const PROCESS_CATCH_UP_MS = 10 * 60_000;

export interface WorkflowRuntimeDependencies {
  readonly store: PostgresEventStore;
  readonly schema: SchemaReadiness;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
}

/**
 * The workflow service's application, assembled once: the read models and the birthright process
 * (joiner, mover, leaver) run on the service runtime's background work, started once the event
 * store schema is applied; the queries serve the subgraph.
 */
export class WorkflowRuntime {
  readonly latest: LatestPolicy;
  readonly assigner: BirthrightAssigner;
  readonly queries: AssignmentQueries;
  private readonly work: BackgroundWork;
  private process: BirthrightProcess | undefined;

  constructor(deps: WorkflowRuntimeDependencies) {
    const { store, clock, ids, logger } = deps;
    const pool = store.pool;
    this.latest = new LatestPolicy(pool);
    this.assigner = new BirthrightAssigner({
      store,
      pool,
      clock,
      ids,
      latest: this.latest,
      logger,
      readModelsCaughtUp: () => this.readModelsCaughtUp(PROCESS_CATCH_UP_MS),
    });
    this.queries = new AssignmentQueries(pool);
    this.work = new BackgroundWork({
      store,
      schema: deps.schema,
      logger,
      projections: WORKFLOW_PROJECTIONS,
      startExtras: () => {
        this.process = new BirthrightProcess(store, this.assigner, logger);
        return [this.process];
      },
    });
  }

  start(): Promise<void> {
    return this.work.start();
  }

  /** Resolves when every read model has applied everything committed so far. */
  readModelsCaughtUp(timeoutMs = 10_000): Promise<void> {
    return this.work.caughtUp(timeoutMs);
  }

  /** Resolves when the birthright process has answered everything committed so far and `workflow_assignments` shows the outcome. */
  async assignmentsCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.work.caughtUp(timeoutMs);
    await this.process?.waitUntilCaughtUp(timeoutMs);
    await this.work.caughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.work.stop();
  }
}
