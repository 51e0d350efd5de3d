import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '@tenure/platform';

export interface TenureGateway {
  readonly gateway: ApolloGateway;
  /** The URL each subgraph is actually reached at, known once the gateway has loaded. */
  readonly subgraphUrls: ReadonlyMap<string, string>;
}

/**
 * Apollo Gateway over a static, composed supergraph (never introspection at run time).
 * Routing URLs come from the supergraph unless overridden by name.
 */
export function createGateway(supergraphSdl: string, urlOverrides: Readonly<Record<string, string>>, logger: Logger): TenureGateway {
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const effectiveUrl = urlOverrides[name] ?? url;
      if (!effectiveUrl) throw new Error(`subgraph "${name}" has no URL in the supergraph and none was configured`);
      subgraphUrls.set(name, effectiveUrl);
      return new RemoteGraphQLDataSource({
        url: effectiveUrl,
        // The client's Authorization header reaches the subgraphs unchanged: until OIDC (issue 7) the identity
        // service checks administrator tokens itself. Nothing else of the client request is forwarded.
        willSendRequest(options) {
          // Only client operations have a client request (not health checks or schema loading).
          if (!('incomingRequestContext' in options)) return;
          const authorization = options.incomingRequestContext.request.http?.headers.get('authorization');
          if (authorization) options.request.http?.headers.set('authorization', authorization);
        },
      });
    },
  });
  return { gateway, subgraphUrls };
}
