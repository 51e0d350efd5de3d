/** The audience (resource indicator) of every access token: the Tenure API behind the gateway. */
export const TENURE_API_AUDIENCE = 'tenure-api';

/** Members of this group are Tenure administrators. */
export const ADMINISTRATORS_GROUP = 'tenure-administrators';

/** Members of this group are Tenure auditors (read everything, change nothing). */
export const AUDITORS_GROUP = 'tenure-auditors';

/** The self-service portal: a confidential client (server side) using authorization code + PKCE. */
export const PORTAL_CLIENT_ID = 'tenure-portal';

/** Command-line tools: a public client using authorization code + PKCE, or the device flow. */
export const CLI_CLIENT_ID = 'tenure-cli';

/** Where the CLI client's authorization code arrives; any port on this loopback address is accepted. */
export const CLI_REDIRECT_URI = 'http://127.0.0.1/callback';

/** The scopes the first-party clients may ask for. */
export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** The one message for every refused sign-in, so it never tells whether the user exists. */
export const SIGN_IN_REFUSED_MESSAGE = 'Unknown user or wrong password';

/** Development defaults, the same ones `npm start` uses; documented in the README. */
export const DEV_IDENTITY_PROVIDER_DEFAULTS = {
  port: 4200,
  issuer: 'http://localhost:4200',
  demoPassword: 'tenure-demo',
  administrators: ['10047'],
  auditors: ['10040'],
  accessTokenTtlSeconds: 3600,
  portalOrigin: 'http://localhost:3000',
  portalClientSecret: 'tenure-demo-portal-client-secret',
  keysFileName: 'dev-identity-provider-keys.json',
} as const;
