import 'server-only';
import * as client from 'openid-client';
import { portalConfig } from '../config';

let discovered: Promise<client.Configuration> | undefined;

/**
 * The provider's metadata and this client's credentials, discovered once per process. A failed discovery
 * is forgotten so the next sign-in tries again (the provider may simply have started after the portal).
 */
export function oidcConfiguration(): Promise<client.Configuration> {
  discovered ??= discover().catch((error: unknown) => {
    discovered = undefined;
    throw new Error(`The OpenID provider at ${portalConfig().issuer.href} could not be discovered: ${describe(error)}`, { cause: error });
  });
  return discovered;
}

async function discover(): Promise<client.Configuration> {
  const config = portalConfig();
  // The development provider is served over plain HTTP on localhost; anything else must be HTTPS.
  const execute = config.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
  return client.discovery(config.issuer, config.clientId, undefined, client.ClientSecretPost(config.clientSecret), { execute });
}

/** Where the provider sends the person back with the authorization code (registered with the provider). */
export function callbackUrl(): URL {
  return new URL('/auth/callback', portalConfig().origin);
}

/** Where the provider sends the person after signing out (registered with the provider). */
export function postSignOutUrl(): URL {
  return new URL('/', portalConfig().origin);
}

export function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
