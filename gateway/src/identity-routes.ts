import type { Logger } from '@tenure/platform';
import type { Express } from 'express';
import { scimErrorBody, webhookErrorBody } from './error-bodies';
import { forwardToService, parseBodyLimit } from './forward-to-service';

/** The identity service's own HTTP APIs beside its subgraph: the SCIM 2.0 server and the HR webhook. */
export const IDENTITY_HTTP_PATHS = { scim: '/scim/v2', hrWebhook: '/hr' } as const;

/** The identity service's base URL: its subgraph URL without the trailing `/graphql`. */
export function serviceBaseUrl(graphqlUrl: string | undefined): URL | undefined {
  if (!graphqlUrl) return undefined;
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '/');
  url.search = '';
  return url;
}

/**
 * Forwards /scim/v2/* and /hr/* to the identity service unchanged, so HR systems use the
 * platform's one origin. Must be mounted before any body parser.
 */
export function mountIdentityRoutes(app: Express, identityGraphqlUrl: () => string | undefined, bodyLimit: string, logger: Logger): void {
  const target = () => serviceBaseUrl(identityGraphqlUrl());
  const bodyLimitBytes = parseBodyLimit(bodyLimit);
  app.use(
    IDENTITY_HTTP_PATHS.scim,
    forwardToService({
      target,
      bodyLimitBytes,
      logger,
      errorBody: scimErrorBody,
    }),
  );
  app.use(
    IDENTITY_HTTP_PATHS.hrWebhook,
    forwardToService({
      target,
      bodyLimitBytes,
      logger,
      errorBody: webhookErrorBody,
    }),
  );
}
