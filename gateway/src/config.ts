import { logLevelSchema, portSchema } from '@tenure/platform';
import { z } from 'zod';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

export const gatewayConfigSchema = z.object({
  PORT: portSchema.default(4000),
  HOST: z.string().min(1).default('localhost'),
  LOG_LEVEL: logLevelSchema,
  NODE_ENV: z.string().default('development'),
  /** Largest accepted request body, in the notation of body-parser (e.g. "100kb"). */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 100kb or 1mb')
    .default('100kb'),
  /** The composed supergraph; the checked-in gateway/supergraph.graphql unless told otherwise. */
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  IDENTITY_URL: optionalUrl,
  POLICY_URL: optionalUrl,
  WORKFLOW_URL: optionalUrl,
  CONNECTOR_URL: optionalUrl,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Subgraph URLs given in the configuration; the others keep their routing URL from the supergraph. */
export function subgraphUrlOverrides(config: GatewayConfig): Partial<Record<SubgraphName, string>> {
  const overrides: Partial<Record<SubgraphName, string>> = {};
  for (const subgraph of SUBGRAPHS) {
    const url = config[subgraph.urlVariable];
    if (url) overrides[subgraph.name] = url;
  }
  return overrides;
}
