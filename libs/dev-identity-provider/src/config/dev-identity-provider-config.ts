import path from 'node:path';
import { loadConfig, logLevelSchema, portSchema } from '@tenure/platform';
import { z } from 'zod';
import { DEV_IDENTITY_PROVIDER_DEFAULTS, TENURE_API_AUDIENCE } from '../constants';
import type { DevIdentityProviderOptions } from '../dev-identity-provider';

/** Thrown when asked to run where it must not: this provider accepts one shared password for everybody. */
export class DevelopmentOnlyError extends Error {
  constructor() {
    super(
      'the development identity provider does not run with NODE_ENV=production: every demo person signs in with one ' +
        "shared password. Point the gateway at your organisation's OpenID provider instead (OIDC_ISSUER, OIDC_AUDIENCE).",
    );
    this.name = 'DevelopmentOnlyError';
  }
}

const employeeNumbers = z.string().transform((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const configSchema = z.object({
  NODE_ENV: z.string().optional(),
  IDP_PORT: portSchema.default(DEV_IDENTITY_PROVIDER_DEFAULTS.port),
  /** Default http://localhost:<IDP_PORT>. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL like http://localhost:4200' }).optional(),
  OIDC_AUDIENCE: z.string().min(1, 'must not be empty').default(TENURE_API_AUDIENCE),
  IDP_USERS_FILE: z.string().min(1, 'must be a file path, not empty').optional(),
  IDP_DEMO_PASSWORD: z.string().min(1, 'must not be empty').default(DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword),
  IDP_ADMINISTRATORS: employeeNumbers.default([...DEV_IDENTITY_PROVIDER_DEFAULTS.administrators]),
  IDP_AUDITORS: employeeNumbers.default([...DEV_IDENTITY_PROVIDER_DEFAULTS.auditors]),
  IDP_ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(60, 'must be at least 60 seconds')
    .max(24 * 60 * 60, 'must be at most 86400 seconds (a day)')
    .default(DEV_IDENTITY_PROVIDER_DEFAULTS.accessTokenTtlSeconds),
  PORTAL_ORIGIN: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL like http://localhost:3000' })
    .default(DEV_IDENTITY_PROVIDER_DEFAULTS.portalOrigin),
  PORTAL_CLIENT_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_IDENTITY_PROVIDER_DEFAULTS.portalClientSecret),
  TENURE_DATA_DIR: z.string().min(1, 'must be a directory path, not empty').optional(),
  /** Comma-separated; each at least 32 characters. Default: random keys (browser sessions end with the process). */
  IDP_COOKIE_KEYS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((key) => key.length >= 32), 'each key must be at least 32 characters')
    .optional(),
  LOG_LEVEL: logLevelSchema,
});

export interface DevIdentityProviderConfig {
  readonly options: DevIdentityProviderOptions;
  readonly logLevel: string;
}

/**
 * The provider's options from the environment. Relative defaults (the demo HR file, `.tenure`) are taken from
 * `repositoryRoot`. Throws DevelopmentOnlyError under NODE_ENV=production, ConfigurationError naming each bad variable.
 */
export function loadDevIdentityProviderConfig(env: NodeJS.ProcessEnv, repositoryRoot: string): DevIdentityProviderConfig {
  if (env['NODE_ENV'] === 'production') throw new DevelopmentOnlyError();
  const config = loadConfig(configSchema, env);
  const dataDir = path.resolve(repositoryRoot, config.TENURE_DATA_DIR ?? '.tenure');
  return {
    logLevel: config.LOG_LEVEL,
    options: {
      issuer: config.OIDC_ISSUER ?? `http://localhost:${config.IDP_PORT}`,
      port: config.IDP_PORT,
      usersFile: path.resolve(repositoryRoot, config.IDP_USERS_FILE ?? 'services/identity/demo/demo-company.csv'),
      keysFile: path.join(dataDir, DEV_IDENTITY_PROVIDER_DEFAULTS.keysFileName),
      demoPassword: config.IDP_DEMO_PASSWORD,
      administrators: config.IDP_ADMINISTRATORS,
      auditors: config.IDP_AUDITORS,
      audience: config.OIDC_AUDIENCE,
      accessTokenTtlSeconds: config.IDP_ACCESS_TOKEN_TTL_SECONDS,
      portalOrigin: new URL(config.PORTAL_ORIGIN).origin,
      portalClientSecret: config.PORTAL_CLIENT_SECRET,
      ...(config.IDP_COOKIE_KEYS?.length ? { cookieKeys: config.IDP_COOKIE_KEYS } : {}),
    },
  };
}
