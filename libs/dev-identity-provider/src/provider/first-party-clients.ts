import type { ClientMetadata } from 'oidc-provider';
import { CLI_CLIENT_ID, CLI_REDIRECT_URI, PORTAL_CLIENT_ID } from '../constants';

export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

export interface FirstPartyClientSettings {
  /** The portal's origin, e.g. http://localhost:3000: its callback and sign-out pages live there. */
  readonly portalOrigin: string;
  readonly portalClientSecret: string;
}

/** The portal callback path, fixed by the design (`/auth/callback`). */
export function portalRedirectUri(portalOrigin: string): string {
  return `${portalOrigin}/auth/callback`;
}

/** Tenure's own applications: the only clients, and so the only ones whose consent is given automatically. */
export function firstPartyClients(settings: FirstPartyClientSettings): ClientMetadata[] {
  return [
    {
      client_id: PORTAL_CLIENT_ID,
      client_name: 'Tenure portal',
      client_secret: settings.portalClientSecret,
      application_type: 'web',
      // openid-client 6 (the portal's library) sends the secret in the body unless told otherwise.
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [portalRedirectUri(settings.portalOrigin)],
      post_logout_redirect_uris: [`${settings.portalOrigin}/`],
    },
    {
      client_id: CLI_CLIENT_ID,
      client_name: 'Tenure command line',
      // Native: its loopback redirect URI may use any port (RFC 8252), as a CLI listens where it can.
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      // Refresh tokens (with offline_access) let `tenure` renew an expired access token without a new sign-in.
      grant_types: ['authorization_code', DEVICE_CODE_GRANT_TYPE, 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [CLI_REDIRECT_URI],
    },
  ];
}

export function isFirstPartyClient(clientId: string | undefined): boolean {
  return clientId === PORTAL_CLIENT_ID || clientId === CLI_CLIENT_ID;
}
