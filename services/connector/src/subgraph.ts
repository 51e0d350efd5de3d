import { serviceSubgraph } from '@tenure/service-runtime';
import { connectorGraphqlResolvers, connectorReferenceResolvers } from './graphql/connector-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The connector subgraph: its types, resolvers and entity references. */
export const connectorSubgraph = serviceSubgraph({
  resolvers: [PlatformStatusResolver, ...connectorGraphqlResolvers],
  referenceResolvers: connectorReferenceResolvers,
});
