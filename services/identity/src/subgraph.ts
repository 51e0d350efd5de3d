import { serviceSubgraph } from '@tenure/service-runtime';
import { identityGraphqlResolvers, identityReferenceResolvers } from './graphql/identity-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The identity subgraph: its types, resolvers and entity references. */
export const identitySubgraph = serviceSubgraph({
  resolvers: [PlatformStatusResolver, ...identityGraphqlResolvers],
  referenceResolvers: identityReferenceResolvers,
});
