import { serviceSubgraph } from '@tenure/service-runtime';
import { hrFeedHoldsGraphqlResolvers } from './graphql/hr-feed-holds/hr-feed-holds-graphql.module';
import { hrImportsGraphqlResolvers } from './graphql/hr-imports/hr-imports-graphql.module';
import { identityGraphqlResolvers, identityReferenceResolvers } from './graphql/identity-graphql.module';
import { EventLogVerificationResolver } from './graphql/event-log/event-log-verification.resolver';
import { PersonalDataErasureResolver } from './graphql/personal-data/personal-data-erasure.resolver';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The identity subgraph: its types, resolvers and entity references. */
export const identitySubgraph = serviceSubgraph({
  resolvers: [
    PlatformStatusResolver,
    EventLogVerificationResolver,
    PersonalDataErasureResolver,
    ...identityGraphqlResolvers,
    ...hrImportsGraphqlResolvers,
    ...hrFeedHoldsGraphqlResolvers,
  ],
  referenceResolvers: identityReferenceResolvers,
});
