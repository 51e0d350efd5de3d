import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, type SchemaReadiness } from '@tenure/service-runtime';
import { policyAssignmentsProjection } from '../read-model/policy-assignments/policy-assignments.projection';
import { policyDraftProjection } from '../read-model/policy-draft/policy-draft.projection';
import { policyIdentitiesProjection } from '../read-model/policy-identities/policy-identities.projection';
import { policyVersionsProjection } from '../read-model/policy-versions/policy-versions.projection';
import { sodExceptionsProjection } from '../read-model/sod-exceptions/sod-exceptions.projection';
import { sodViolationsProjection } from '../read-model/sod-violations/sod-violations.projection';
import { DetectiveSod } from './detective-sod';
import { DetectiveSodProcess } from './detective-sod-process';
import type { HeldEntitlements } from './held-entitlements';
import { LatestPolicy } from './latest-policy';
import { PolicyAdministration } from './policy-administration';
import { PolicyQueries } from './policy-queries';
import { startSodExceptionExpiryTimer } from './sod-exception-expiry-timer';

export const POLICY_PROJECTIONS = [
  policyIdentitiesProjection,
  policyVersionsProjection,
  policyDraftProjection,
  sodExceptionsProjection,
  sodViolationsProjection,
  policyAssignmentsProjection,
] as const;

const DETECTIVE_CATCH_UP_MS = 10 * 60_000;

export interface PolicyRuntimeDependencies {
  readonly store: PostgresEventStore;
  readonly schema: SchemaReadiness;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly held: HeldEntitlements;
  /** How often the exception expiry timer looks for due exceptions (default 1 s). */
  readonly timerPollMs?: number;
}

/**
 * The policy service's application, assembled once: the read models and detective SoD run on the
 * service runtime's background work (started once the event store schema is applied), and the
 * administration and queries the subgraph serves.
 */
export class PolicyRuntime {
  readonly latest: LatestPolicy;
  readonly detective: DetectiveSod;
  readonly administration: PolicyAdministration;
  readonly queries: PolicyQueries;
  private readonly work: BackgroundWork;
  private process: DetectiveSodProcess | undefined;

  constructor(deps: PolicyRuntimeDependencies) {
    const { store, clock, ids, held, logger } = deps;
    const pool = store.pool;
    const readModelsCaughtUp = () => this.readModelsCaughtUp();
    this.latest = new LatestPolicy(pool);
    this.detective = new DetectiveSod({
      store,
      pool,
      clock,
      ids,
      latest: this.latest,
      held,
      // At a start after a large HR import the read models may have much to catch up on: detective SoD waits for them.
      readModelsCaughtUp: () => this.readModelsCaughtUp(DETECTIVE_CATCH_UP_MS),
    });
    this.administration = new PolicyAdministration({ store, pool, clock, ids, readModelsCaughtUp });
    this.queries = new PolicyQueries({
      pool,
      clock,
      latest: this.latest,
      held,
      readModelsCaughtUp,
      violationsCaughtUp: () => this.violationsCaughtUp(),
    });
    this.work = new BackgroundWork({
      store,
      schema: deps.schema,
      logger,
      projections: POLICY_PROJECTIONS,
      startExtras: () => {
        this.process = new DetectiveSodProcess(store, this.detective, logger);
        return [startSodExceptionExpiryTimer({ store, pool, clock, ids }, deps.timerPollMs), this.process];
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

  /** Resolves when detective SoD has checked everything committed so far and `sod_violations` shows the outcome. */
  async violationsCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.work.caughtUp(timeoutMs);
    await this.process?.waitUntilCaughtUp(timeoutMs);
    await this.work.caughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.work.stop();
  }
}
