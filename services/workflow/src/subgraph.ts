import { serviceSubgraph } from '@tenure/service-runtime';
import { workflowGraphqlResolvers, workflowOrphanedTypes, workflowReferenceResolvers } from './graphql/workflow-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The workflow subgraph: its types, resolvers and entity references. */
export const workflowSubgraph = serviceSubgraph({
  resolvers: [PlatformStatusResolver, ...workflowGraphqlResolvers],
  referenceResolvers: workflowReferenceResolvers,
  orphanedTypes: workflowOrphanedTypes,
});
