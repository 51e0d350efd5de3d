import { type BeforeApplicationShutdown, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { CLOCK, EVENT_STORE, EventStoreSchema, ID_GENERATOR, LOGGER, ServiceMetrics } from '@tenure/service-runtime';
import { AccessHistoryQueries } from './access-history-queries';
import { WorkflowReports } from './workflow-reports';
import { WorkflowMetrics } from './workflow-metrics';
import { AssignmentQueries } from './assignment-queries';
import { JmlRunQueries } from './provisioning/jml-run-queries';
import { AccessRequestQueries } from './requests/access-request-queries';
import { AccessRequests } from './requests/access-requests';
import { ReviewCampaigns } from './reviews/review-campaigns';
import { BlockedAssignments } from './sod/blocked-assignments';
import { WorkflowRuntime } from './workflow-runtime';
import { prometheusNotificationMetrics } from './notifications/notification-metrics';
import { NotificationPreferences } from './notifications/notification-preferences';

/** Starts the read models and the birthright process with the service, and stops them before the store closes. */
@Injectable()
export class WorkflowBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(WorkflowRuntime) private readonly runtime: WorkflowRuntime) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }
}

/** The workflow application for the subgraph: import this module and inject `AssignmentQueries`. */
@Module({
  providers: [
    WorkflowMetrics,
    {
      provide: WorkflowRuntime,
      inject: [EVENT_STORE, EventStoreSchema, CLOCK, ID_GENERATOR, LOGGER, ServiceMetrics],
      useFactory: (
        store: PostgresEventStore,
        schema: EventStoreSchema,
        clock: Clock,
        ids: IdGenerator,
        logger: Logger,
        metrics: ServiceMetrics,
      ) => new WorkflowRuntime({ store, schema, clock, ids, logger, notificationMetrics: prometheusNotificationMetrics(metrics) }),
    },
    { provide: AssignmentQueries, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.queries },
    { provide: AccessRequests, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.requests.requests },
    { provide: AccessRequestQueries, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.requests.queries },
    { provide: AccessHistoryQueries, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.accessHistory },
    { provide: WorkflowReports, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.reports },
    { provide: JmlRunQueries, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.jmlRuns },
    { provide: ReviewCampaigns, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.reviews.campaigns },
    {
      provide: NotificationPreferences,
      inject: [WorkflowRuntime],
      useFactory: (runtime: WorkflowRuntime) => runtime.notifications.preferences,
    },
    { provide: BlockedAssignments, inject: [WorkflowRuntime], useFactory: (runtime: WorkflowRuntime) => runtime.blockedAssignments },
    WorkflowBackground,
  ],
  exports: [
    BlockedAssignments,
    AssignmentQueries,
    AccessHistoryQueries,
    WorkflowReports,
    JmlRunQueries,
    AccessRequests,
    AccessRequestQueries,
    ReviewCampaigns,
    NotificationPreferences,
    WorkflowRuntime,
  ],
})
export class WorkflowApplicationModule {}
