import { serviceSubgraph } from '@tenure/service-runtime';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The policy subgraph: its types, resolvers and entity references. */
export const policySubgraph = serviceSubgraph({ resolvers: [PlatformStatusResolver] });
