import { z } from 'zod';
import { ConnectorError } from '@tenure/connector-sdk';

const bearerAuth = z.object({
  type: z.literal('bearer'),
  /** Name of the secret that holds the bearer token (never the token itself). */
  tokenSecret: z.string().min(1),
});

const basicAuth = z.object({
  type: z.literal('basic'),
  username: z.string().min(1),
  /** Name of the secret that holds the password. */
  passwordSecret: z.string().min(1),
});

/** How an administrator configures a SCIM application. Credentials are referenced by secret name only. */
export const scimSettingsSchema = z.object({
  /** The SCIM service root, e.g. `https://app.example.com/scim/v2` (Users and Groups live under it). */
  baseUrl: z.url({ protocol: /^https?$/ }),
  auth: z.discriminatedUnion('type', [bearerAuth, basicAuth]),
  /** Per HTTP attempt, including reading the body. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** How many times a 429 answer is retried inside the connector before it reports `rate-limited`. */
  maxRetries: z.number().int().min(0).max(10).default(3),
  /** A 429 asking to wait longer than this is not waited out here: the error goes back to the engine at once. */
  maxRetryWaitMs: z.number().int().min(0).default(30_000),
  /** The largest `count` sent to the server (many SaaS servers cap pages at 100 or 200). */
  pageSize: z.number().int().min(1).max(1000).default(100),
});

export type ScimSettingsInput = z.input<typeof scimSettingsSchema>;
export type ScimSettings = z.output<typeof scimSettingsSchema>;

/** Secret values by name, decrypted by the caller; the connector reads only the names its settings give. */
export type ScimSecrets = Readonly<Record<string, string>>;

export interface ResolvedCredentials {
  /** The value of the Authorization header. */
  readonly authorization: string;
  /** Every secret value in play, so that it can be kept out of messages. */
  readonly secretValues: readonly string[];
}

/** Validated settings; a bad configuration is an `invalid` ConnectorError that says what to fix. */
export function parseScimSettings(settings: unknown): ScimSettings {
  const parsed = scimSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new ConnectorError('invalid', `the SCIM connector settings are not valid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function resolveCredentials(auth: ScimSettings['auth'], secrets: ScimSecrets): ResolvedCredentials {
  if (auth.type === 'bearer') {
    const token = secretNamed(secrets, auth.tokenSecret);
    return { authorization: `Bearer ${token}`, secretValues: [token] };
  }
  const password = secretNamed(secrets, auth.passwordSecret);
  const encoded = Buffer.from(`${auth.username}:${password}`, 'utf8').toString('base64');
  return { authorization: `Basic ${encoded}`, secretValues: [password, encoded] };
}

function secretNamed(secrets: ScimSecrets, name: string): string {
  const value = secrets[name];
  if (value === undefined || value === '') {
    throw new ConnectorError('invalid', `the SCIM connector needs the secret "${name}", which is not configured`);
  }
  return value;
}
