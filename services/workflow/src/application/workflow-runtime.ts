import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, type SchemaReadiness } from '@tenure/service-runtime';
import { workflowJmlRunsProjection } from '../read-model/workflow-jml-runs';
import { workflowAssignmentHistoryProjection } from '../read-model/workflow-assignment-history';
import { workflowAssignmentsProjection } from '../read-model/workflow-assignments/workflow-assignments.projection';
import { workflowBlockedAssignmentsProjection } from '../read-model/workflow-blocked-assignments';
import { workflowCatalogProjection } from '../read-model/workflow-catalog';
import { workflowSodExceptionsProjection } from '../read-model/workflow-sod-exceptions';
import { workflowIdentitiesProjection } from '../read-model/workflow-identities/workflow-identities.projection';
import { workflowPolicyVersionsProjection } from '../read-model/workflow-policy-versions/workflow-policy-versions.projection';
import { workflowReviewsProjection } from '../read-model/workflow-reviews/workflow-reviews.projection';
import { workflowRequestsProjection } from '../read-model/workflow-requests';
import { validExceptionsOf } from '../read-model/workflow-sod-exceptions';
import { workflowNotificationPreferencesProjection } from '../read-model/workflow-notification-preferences';
import { workflowExpiryWarningsProjection } from './notifications/expiry-warning';
import type { NotificationMetrics } from './notifications/notification-metrics';
import { Notifications } from './notifications/notifications';
import { notificationSettingsFrom, type NotificationSettings } from './notifications/notification-settings';
import { AccessHistoryQueries } from './access-history-queries';
import { WorkflowReports } from './workflow-reports';
import { AssignmentQueries } from './assignment-queries';
import { BirthrightAssigner } from './birthright-assigner';
import { BirthrightProcess } from './birthright-process';
import { startAssignmentExpiryTimer } from './expiry/assignment-expiry-timer';
import { startDriftAdoption } from './provisioning/drift-adoption';
import { JmlRunQueries } from './provisioning/jml-run-queries';
import { startProvisioningTracker } from './provisioning/provisioning-tracker';
import { LatestPolicy } from './latest-policy';
import { Reviews } from './reviews/reviews';
import { reviewSettingsFrom, type ReviewSettings } from './reviews/review-settings';
import { RequestsApplication } from './requests/requests-application';
import { requestSettingsFrom, type RequestSettings } from './requests/request-settings';
import { BlockedAssignments } from './sod/blocked-assignments';
import { SodGate } from './sod/sod-gate';
import type { WorkflowFollower } from './workflow-follower';

export const WORKFLOW_PROJECTIONS = [
  workflowIdentitiesProjection,
  workflowPolicyVersionsProjection,
  workflowAssignmentsProjection,
  workflowCatalogProjection,
  workflowSodExceptionsProjection,
  workflowBlockedAssignmentsProjection,
  workflowReviewsProjection,
  workflowRequestsProjection,
  workflowJmlRunsProjection,
  workflowAssignmentHistoryProjection,
  workflowNotificationPreferencesProjection,
  workflowExpiryWarningsProjection,
] as const;

/**
 * What the birthright process reads besides the assignments' own streams: who is who, the policy,
 * the SoD exceptions. It waits for these alone (a leaver's revocations must not queue behind, say,
 * the review read models).
 */
const BIRTHRIGHT_READ_MODELS = [
  workflowIdentitiesProjection.name,
  workflowPolicyVersionsProjection.name,
  workflowSodExceptionsProjection.name,
];

/** At a start after a large HR import the read models may have much to catch up on: the process waits for them. */
const PROCESS_CATCH_UP_MS = 10 * 60_000;

export interface WorkflowRuntimeDependencies {
  readonly store: PostgresEventStore;
  readonly schema: SchemaReadiness;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /** Access reviews' settings; from the environment when not given (tests shorten the timers' polling). */
  readonly reviewSettings?: ReviewSettings;
  /** Access requests' settings (escalation, break-glass cap); from the environment when not given. */
  readonly requestSettings?: RequestSettings;
  /** Email and Slack settings; from the environment when not given (tests point them at their own servers). */
  readonly notificationSettings?: NotificationSettings;
  /** Where delivery outcomes are counted (Prometheus in the service). */
  readonly notificationMetrics?: NotificationMetrics;
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
  readonly jmlRuns: JmlRunQueries;
  /** Access as of a time (auditors). */
  readonly accessHistory: AccessHistoryQueries;
  /** Compliance reports (administrators and auditors). */
  readonly reports: WorkflowReports;
  /** Preventive SoD: the blocking rules an addition would break (birthright and requests ask it). */
  readonly sodGate: SodGate;
  /** Birthright additions SoD refused, for administrators. */
  readonly blockedAssignments: BlockedAssignments;
  readonly reviews: Reviews;
  /** Just-in-time access requests: `requests.requests` takes the commands, `requests.queries` serves reads. */
  readonly requests: RequestsApplication;
  /** Email and Slack notifications and each person's preferences. */
  readonly notifications: Notifications;
  private readonly work: BackgroundWork;
  private process: BirthrightProcess | undefined;
  /** The provisioning tracker and the drift adoption: follow the connector's outcomes into the assignments. */
  private assignmentFollowers: readonly WorkflowFollower[] = [];

  constructor(deps: WorkflowRuntimeDependencies) {
    const { store, clock, ids, logger } = deps;
    const pool = store.pool;
    this.latest = new LatestPolicy(pool);
    this.sodGate = new SodGate(pool, this.latest, clock);
    this.blockedAssignments = new BlockedAssignments(pool, this.latest);
    this.assigner = new BirthrightAssigner({
      store,
      pool,
      clock,
      ids,
      latest: this.latest,
      sodGate: this.sodGate,
      logger,
      readModelsCaughtUp: () => this.readModelsCaughtUp(PROCESS_CATCH_UP_MS, BIRTHRIGHT_READ_MODELS),
    });
    this.queries = new AssignmentQueries(pool);
    this.jmlRuns = new JmlRunQueries(pool);
    this.accessHistory = new AccessHistoryQueries(pool, clock);
    this.reports = new WorkflowReports(pool);
    this.reviews = new Reviews({
      store,
      clock,
      ids,
      logger,
      settings: deps.reviewSettings ?? reviewSettingsFrom(process.env),
      readModelsCaughtUp: () => this.readModelsCaughtUp(PROCESS_CATCH_UP_MS),
    });
    this.requests = new RequestsApplication({
      store,
      clock,
      ids,
      logger,
      latest: this.latest,
      sodGate: new SodGate(pool, this.latest, clock),
      validExceptions: validExceptionsOf,
      settings: deps.requestSettings ?? requestSettingsFrom(process.env),
      readModelsCaughtUp: () => this.readModelsCaughtUp(PROCESS_CATCH_UP_MS),
    });
    this.notifications = new Notifications({
      store,
      clock,
      ids,
      logger,
      settings: deps.notificationSettings ?? notificationSettingsFrom(process.env),
      metrics: deps.notificationMetrics,
      readModelsCaughtUp: () => this.readModelsCaughtUp(PROCESS_CATCH_UP_MS),
    });
    this.work = new BackgroundWork({
      store,
      schema: deps.schema,
      logger,
      projections: WORKFLOW_PROJECTIONS,
      startExtras: () => {
        this.process = new BirthrightProcess(store, this.assigner, logger);
        this.assignmentFollowers = [
          startProvisioningTracker({ store, clock, ids, logger }),
          startDriftAdoption({ store, clock, ids, logger }),
        ];
        const expiry = startAssignmentExpiryTimer({ store, pool, clock, ids, logger });
        return [
          this.process,
          ...this.reviews.start(),
          ...this.assignmentFollowers,
          expiry,
          ...this.requests.start(),
          ...this.notifications.start(),
        ];
      },
    });
  }

  start(): Promise<void> {
    return this.work.start();
  }

  /** Resolves when every read model (or those named) has applied everything committed so far. */
  readModelsCaughtUp(timeoutMs = 10_000, only?: readonly string[]): Promise<void> {
    return this.work.caughtUp(timeoutMs, only);
  }

  /** Resolves when the birthright process has answered everything committed so far and `workflow_assignments` shows the outcome. */
  async assignmentsCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.work.caughtUp(timeoutMs);
    await this.process?.waitUntilCaughtUp(timeoutMs);
    await this.work.caughtUp(timeoutMs);
  }

  /** Resolves when the connector's outcomes and adopted drift committed so far are answered and the read models show them. */
  async provisioningCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.assignmentsCaughtUp(timeoutMs);
    for (const follower of this.assignmentFollowers) await follower.waitUntilCaughtUp(timeoutMs);
    await this.work.caughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.work.stop();
  }
}
