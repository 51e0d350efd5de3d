import { printSubgraphSchema } from '@apollo/subgraph';
import { buildFederatedSchema } from './build-federated-schema';
import type { SubgraphDefinition } from './subgraph-definition';

/**
 * The subgraph's SDL as composition needs it (federation directives kept, `_service`/`_entities`
 * left out), built in-process without a container, database or server.
 */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(definition));
}
