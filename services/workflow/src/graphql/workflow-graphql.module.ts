import { Module } from '@nestjs/common';
import { WorkflowApplicationModule } from '../application/workflow-application.module';
import { IdentityAssignmentsResolver } from './identity/identity-assignments.resolver';
import { resolveIdentityReference } from './identity/identity.reference';
import { Identity } from './identity/identity.type';

/** The workflow subgraph's resolvers and entity references: add these to the service's subgraph definition. */
export const workflowGraphqlResolvers = [IdentityAssignmentsResolver] as const;
export const workflowReferenceResolvers = { Identity: resolveIdentityReference };
/** No root field leads to Identity here: the gateway reaches it through `_entities`, so it is listed. */
export const workflowOrphanedTypes = [Identity] as const;

/** Workflow over GraphQL: thin resolvers over the workflow application. */
@Module({
  imports: [WorkflowApplicationModule],
  providers: [...workflowGraphqlResolvers],
})
export class WorkflowGraphqlModule {}
