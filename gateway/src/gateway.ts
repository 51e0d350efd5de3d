import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CORRELATION_HEADER, type Logger } from '@tenure/platform';

/** What each client operation carries to the subgraph requests it causes. */
export interface GatewayContext {
  /** The Authorization header the services receive, set by authentication. */
  readonly subgraphAuthorization: string;
  /** The request's correlation id (`correlationMiddleware`), passed on so the services' log lines carry it too. */
  readonly correlationId?: string;
}

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
        // The services receive what authentication decided (a caller token the gateway signed, or the administrator
        // API token), never the client's own headers: nothing of the client request is forwarded as it is.
        willSendRequest({ request, context }) {
          const { subgraphAuthorization, correlationId } = context as Partial<GatewayContext>;
          if (subgraphAuthorization) request.http?.headers.set('authorization', subgraphAuthorization);
          if (correlationId) request.http?.headers.set(CORRELATION_HEADER, correlationId);
        },
      });
    },
  });
  return { gateway, subgraphUrls };
}
