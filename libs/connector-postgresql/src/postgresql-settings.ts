import { z } from 'zod';
import { ConnectorError } from '@tenure/connector-sdk';
import type { PoolConfig } from 'pg';

const roleName = z.string().min(1).max(63);

const ownedObjectsOnDelete = z.discriminatedUnion('action', [
  /** Deleting an account that owns objects or holds privileges fails with a `conflict` naming them. */
  z.object({ action: z.literal('refuse') }),
  /** `REASSIGN OWNED BY <account> TO <to>; DROP OWNED BY <account>` (in the connected database), then `DROP ROLE`. */
  z.object({ action: z.literal('reassign'), to: roleName }),
  /** `DROP OWNED BY <account>` (drops its objects in the connected database!), then `DROP ROLE`. */
  z.object({ action: z.literal('drop') }),
]);

/** How an administrator configures a PostgreSQL application. The password is referenced by secret name only. */
export const postgresqlSettingsSchema = z
  .object({
    /** `postgres://user@host:5432/database`; or give host, port, database and user. */
    connectionString: z.string().min(1).optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1).optional(),
    /** The role the connector connects as: needs CREATEROLE, and ADMIN OPTION on the managed group roles. */
    user: z.string().min(1).optional(),
    /** Name of the secret that holds the password (none: the server does not ask for one). */
    passwordSecret: z.string().min(1).optional(),
    /** `require`: TLS without verifying the certificate; `verify`: TLS with a verified certificate. */
    ssl: z.enum(['off', 'require', 'verify']).default('off'),
    /** Group roles whose name starts with this (e.g. `app_`) are the entitlements Tenure manages. */
    managedRolePrefix: z.string().min(1).max(62).optional(),
    /** Further group roles Tenure manages, by exact name. */
    managedRoles: z.array(roleName).default([]),
    /** Login roles that are never accounts (built-in administrators); the connector's own role is always left out. */
    ignoredRoles: z.array(roleName).default(['postgres']),
    /** What deleting an account does with the objects it owns and the privileges it holds. */
    ownedObjectsOnDelete: ownedObjectsOnDelete.default({ action: 'refuse' }),
    poolSize: z.number().int().min(1).max(50).default(4),
    connectTimeoutMs: z.number().int().positive().default(10_000),
    /** Per SQL statement; a slower one is cancelled and reported as a `timeout`. */
    statementTimeoutMs: z.number().int().positive().default(30_000),
  })
  .refine((settings) => settings.connectionString !== undefined || (settings.host && settings.database && settings.user), {
    message: 'give either connectionString or host, database and user',
    path: ['connectionString'],
  })
  .refine((settings) => settings.managedRolePrefix !== undefined || settings.managedRoles.length > 0, {
    message: 'say which group roles are entitlements: managedRolePrefix (e.g. "app_") and/or managedRoles',
    path: ['managedRolePrefix'],
  });

export type PostgresqlSettingsInput = z.input<typeof postgresqlSettingsSchema>;
export type PostgresqlSettings = z.output<typeof postgresqlSettingsSchema>;

/** Secret values by name, decrypted by the caller; the connector reads only the name its settings give. */
export type PostgresqlSecrets = Readonly<Record<string, string>>;

/** Validated settings; a bad configuration is an `invalid` ConnectorError that says what to fix. */
export function parsePostgresqlSettings(settings: unknown): PostgresqlSettings {
  const parsed = postgresqlSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new ConnectorError('invalid', `the PostgreSQL connector settings are not valid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The pg pool configuration for the settings, with the password taken from the secrets. */
export function poolConfig(settings: PostgresqlSettings, secrets: PostgresqlSecrets): PoolConfig {
  const password = settings.passwordSecret === undefined ? undefined : secrets[settings.passwordSecret];
  if (settings.passwordSecret !== undefined && (password === undefined || password === '')) {
    throw new ConnectorError('invalid', `the PostgreSQL connector needs the secret "${settings.passwordSecret}", which is not configured`);
  }
  const target =
    settings.connectionString !== undefined
      ? { connectionString: withPassword(settings.connectionString, password) }
      : { host: settings.host, port: settings.port, database: settings.database, user: settings.user };
  return {
    ...target,
    ...(password === undefined || settings.connectionString !== undefined ? {} : { password }),
    ssl: settings.ssl === 'off' ? false : { rejectUnauthorized: settings.ssl === 'verify' },
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    application_name: 'tenure-connector',
  };
}

/**
 * The connection string with the secret as its password. pg lets what a connection string says
 * (an empty password included) win over a separate `password` option, so the secret goes into the
 * URL; this object is handed to the driver only, never logged or returned.
 */
function withPassword(connectionString: string, password: string | undefined): string {
  if (password === undefined) return connectionString;
  const url = new URL(connectionString);
  url.password = encodeURIComponent(password);
  return url.toString();
}
