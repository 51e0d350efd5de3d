import { serviceSubgraph } from '@tenure/service-runtime';
import { policyGraphqlResolvers, policyReferenceResolvers } from './graphql/policy-graphql.module';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The policy subgraph: its types, resolvers and entity references. */
export const policySubgraph = serviceSubgraph({
  resolvers: [PlatformStatusResolver, ...policyGraphqlResolvers],
  referenceResolvers: policyReferenceResolvers,
});
