/**
 * The subgraphs the gateway routes to. Names are the supergraph's subgraph names; each URL
 * in the supergraph can be overridden at run time by the listed environment variable.
 */
export const SUBGRAPHS = [
  { name: 'identity', urlVariable: 'IDENTITY_URL', defaultPort: 4101 },
  { name: 'policy', urlVariable: 'POLICY_URL', defaultPort: 4102 },
  { name: 'workflow', urlVariable: 'WORKFLOW_URL', defaultPort: 4103 },
  { name: 'connector', urlVariable: 'CONNECTOR_URL', defaultPort: 4104 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
