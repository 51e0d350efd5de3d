import path from 'node:path';
import { databaseUrlSchema, loadConfig, logLevelSchema, portSchema } from '@tenure/platform';
import { z } from 'zod';

/** Every port the launcher hands out, by the variable that overrides it. */
export const PORT_VARIABLES = [
  'IDENTITY_PORT',
  'POLICY_PORT',
  'WORKFLOW_PORT',
  'CONNECTOR_PORT',
  'GATEWAY_PORT',
  'PORTAL_PORT',
  'IDP_PORT',
  'SLACK_APP_PORT',
] as const;
export type PortVariable = (typeof PORT_VARIABLES)[number];

export const launcherConfigSchema = z
  .object({
    /** An external PostgreSQL; when absent, the launcher runs an embedded one. */
    DATABASE_URL: databaseUrlSchema.optional(),
    /** Where the embedded PostgreSQL keeps its data. Default: `.tenure` at the repository root. */
    TENURE_DATA_DIR: z.string().min(1, 'must be a directory path, not empty').optional(),
    /** Exactly this port for the embedded PostgreSQL. Default: the one it used last time if free, else the first free one from 55432. */
    EMBEDDED_POSTGRES_PORT: portSchema.optional(),
    IDENTITY_PORT: portSchema.default(4101),
    POLICY_PORT: portSchema.default(4102),
    WORKFLOW_PORT: portSchema.default(4103),
    CONNECTOR_PORT: portSchema.default(4104),
    GATEWAY_PORT: portSchema.default(4000),
    PORTAL_PORT: portSchema.default(3000),
    /** The built-in development OpenID provider, started when OIDC_ISSUER does not name the organisation's. */
    IDP_PORT: portSchema.default(4200),
    /** The Slack app, started only when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set. */
    SLACK_APP_PORT: portSchema.default(4105),
    /** The organisation's OpenID provider; when absent (development only), the built-in one on IDP_PORT. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    LOG_LEVEL: logLevelSchema,
    NODE_ENV: z.enum(['development', 'production', 'test'], 'must be development, production or test').default('development'),
  })
  .superRefine((config, context) => {
    const firstUser = new Map<number, PortVariable>();
    for (const variable of PORT_VARIABLES) {
      const port = config[variable];
      const other = firstUser.get(port);
      if (other)
        context.addIssue({
          code: 'custom',
          path: [variable],
          message: `port ${port} is already given to ${other}; each process needs its own`,
        });
      else firstUser.set(port, variable);
    }
    if (config.EMBEDDED_POSTGRES_PORT !== undefined && firstUser.has(config.EMBEDDED_POSTGRES_PORT)) {
      context.addIssue({
        code: 'custom',
        path: ['EMBEDDED_POSTGRES_PORT'],
        message: `port ${config.EMBEDDED_POSTGRES_PORT} is already given to ${firstUser.get(config.EMBEDDED_POSTGRES_PORT)}`,
      });
    }
  });

export type LauncherConfig = z.infer<typeof launcherConfigSchema>;

/** Throws ConfigurationError naming every bad variable. */
export function loadLauncherConfig(env: NodeJS.ProcessEnv): LauncherConfig {
  return loadConfig(launcherConfigSchema, env);
}

/** Where the launcher keeps its state (the embedded PostgreSQL, the record of running processes). */
export function resolveDataDir(config: LauncherConfig, root: string): string {
  return path.resolve(root, config.TENURE_DATA_DIR ?? '.tenure');
}
