import { Module } from '@nestjs/common';
import { AdminTokenModule } from '@tenure/service-runtime';
import { WorkflowApplicationModule } from '../application/workflow-application.module';
import { AccessHistoryResolver } from './access-history/access-history.resolver';
import { IdentityAccessAtResolver } from './access-history/identity-access-at.resolver';
import { BlockedAssignmentsResolver } from './blocked-assignments/blocked-assignments.resolver';
import { IdentityAssignmentsResolver } from './identity/identity-assignments.resolver';
import { resolveIdentityReference } from './identity/identity.reference';
import { Identity } from './identity/identity.type';
import { IdentityJmlRunsResolver } from './jml-runs/identity-jml-runs.resolver';
import { JmlRunsResolver } from './jml-runs/jml-runs.resolver';
import { AccessRequestsResolver } from './requests/access-requests.resolver';
import { IdentityRequestsResolver } from './requests/identity-requests.resolver';
import { NotificationPreferencesResolver } from './notifications/notification-preferences.resolver';
import { StandingPrivilegedAccessResolver } from './reports/standing-privileged-access.resolver';
import { IdentityReviewItemsResolver } from './reviews/identity-review-items.resolver';
import { ReviewCampaignResolver } from './reviews/review-campaign.resolver';

/** The workflow subgraph's resolvers and entity references: add these to the service's subgraph definition. */
export const workflowGraphqlResolvers = [
  IdentityAssignmentsResolver,
  AccessRequestsResolver,
  IdentityRequestsResolver,
  ReviewCampaignResolver,
  IdentityReviewItemsResolver,
  BlockedAssignmentsResolver,
  JmlRunsResolver,
  IdentityJmlRunsResolver,
  AccessHistoryResolver,
  IdentityAccessAtResolver,
  StandingPrivilegedAccessResolver,
  NotificationPreferencesResolver,
] as const;
export const workflowReferenceResolvers = { Identity: resolveIdentityReference };
/** No root field leads to Identity here: the gateway reaches it through `_entities`, so it is listed. */
export const workflowOrphanedTypes = [Identity] as const;

/** Workflow over GraphQL: thin resolvers over the workflow application. */
@Module({
  // AdminTokenModule provides CallerGuard (and keeps the request's credentials for the resolvers).
  imports: [WorkflowApplicationModule, AdminTokenModule],
  providers: [...workflowGraphqlResolvers],
})
export class WorkflowGraphqlModule {}
