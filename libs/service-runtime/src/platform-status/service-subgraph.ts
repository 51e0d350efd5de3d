import type { SubgraphDefinition } from '@tenure/subgraph';
import { PlatformStatus, resolvePlatformStatusReference } from './platform-status.type';
import { ServiceHealth } from './service-health.type';

/** A service's subgraph with what every service has: the platform status entity and its `ServiceHealth`. */
export function serviceSubgraph(definition: SubgraphDefinition): SubgraphDefinition {
  return {
    ...definition,
    orphanedTypes: [PlatformStatus, ServiceHealth, ...(definition.orphanedTypes ?? [])],
    referenceResolvers: { PlatformStatus: resolvePlatformStatusReference, ...definition.referenceResolvers },
  };
}
