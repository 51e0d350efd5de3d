import { serviceSubgraph } from '@tenure/service-runtime';
import { PlatformStatusResolver } from './platform-status/platform-status.resolver';

/** The identity subgraph: its types, resolvers and entity references. */
export const identitySubgraph = serviceSubgraph({ resolvers: [PlatformStatusResolver] });
