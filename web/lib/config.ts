import 'server-only';
import { z } from 'zod';

/**
 * The portal's settings, read from the environment once and validated: a bad value stops the request with
 * one line per problem, naming the variable (the same rule as the services).
 */
export interface PortalConfig {
  gatewayUrl: string;
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where browsers reach the portal; the redirect URI and the cookies' `secure` flag come from it. */
  origin: URL;
  sessionSecret: string;
  administratorGroups: string[];
  auditorGroups: string[];
}

const commaSeparated = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const developmentDefaults = {
  GATEWAY_URL: 'http://localhost:4000',
  OIDC_ISSUER: 'http://localhost:4200',
  OIDC_CLIENT_ID: 'tenure-portal',
  OIDC_CLIENT_SECRET: 'tenure-demo-portal-client-secret',
  PORTAL_ORIGIN: 'http://localhost:3000',
};

const environmentSchema = z.object({
  GATEWAY_URL: z.url({ message: 'GATEWAY_URL must be a URL, e.g. http://localhost:4000' }),
  OIDC_ISSUER: z.url({ message: 'OIDC_ISSUER must be the OpenID provider’s issuer URL, e.g. http://localhost:4200' }),
  OIDC_CLIENT_ID: z.string().min(1, 'OIDC_CLIENT_ID must not be empty'),
  OIDC_CLIENT_SECRET: z.string().min(1, 'OIDC_CLIENT_SECRET must not be empty'),
  PORTAL_ORIGIN: z.url({ message: 'PORTAL_ORIGIN must be the portal’s origin, e.g. http://localhost:3000' }),
  PORTAL_SESSION_SECRET: z
    .string({ message: 'PORTAL_SESSION_SECRET is required (at least 32 characters; it encrypts the session cookie)' })
    .min(32, 'PORTAL_SESSION_SECRET must be at least 32 characters'),
  OIDC_ADMINISTRATOR_GROUPS: commaSeparated.default(['tenure-administrators']),
  OIDC_AUDITOR_GROUPS: commaSeparated.default(['tenure-auditors']),
});

/** Reads and validates the portal's settings from `environment` (the process environment by default). */
export function readPortalConfig(environment: Record<string, string | undefined> = process.env): PortalConfig {
  const withDefaults = { ...developmentDefaults, ...withoutEmptyValues(environment) };
  const parsed = environmentSchema.safeParse(withDefaults);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The portal's configuration is invalid:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  return {
    gatewayUrl: values.GATEWAY_URL.replace(/\/+$/, ''),
    issuer: new URL(values.OIDC_ISSUER),
    clientId: values.OIDC_CLIENT_ID,
    clientSecret: values.OIDC_CLIENT_SECRET,
    origin: new URL(values.PORTAL_ORIGIN),
    sessionSecret: values.PORTAL_SESSION_SECRET,
    administratorGroups: values.OIDC_ADMINISTRATOR_GROUPS,
    auditorGroups: values.OIDC_AUDITOR_GROUPS,
  };
}

function withoutEmptyValues(environment: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

let cached: PortalConfig | undefined;

/** The process's configuration, validated on first use. */
export function portalConfig(): PortalConfig {
  cached ??= readPortalConfig();
  return cached;
}
