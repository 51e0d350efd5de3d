import { serviceConfigSchema } from '@tenure/service-runtime';
import { z } from 'zod';

const KEY_BYTES = 32;

/** A base64 AES-256 key: exactly 32 bytes once decoded. */
export const credentialsKeySchema = z
  .string()
  .trim()
  .refine(
    (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === KEY_BYTES,
    `must be ${KEY_BYTES} random bytes in base64, e.g. the output of \`openssl rand -base64 32\``,
  );

/** The key that seals application credentials at rest. Secret: never logged. */
export const connectorCredentialsConfigSchema = z.object({
  CONNECTOR_CREDENTIALS_KEY: credentialsKeySchema.optional(),
});

const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * How provisioning runs: the worker (off for an instance that only serves the API), how many
 * operations run at once per application, how many attempts before a dead letter, how often due
 * operations are looked for when no event wakes the worker.
 */
export const provisioningConfigSchema = z.object({
  CONNECTOR_PROVISIONING_WORKER: z.enum(['on', 'off']).default('on'),
  CONNECTOR_PROVISIONING_CONCURRENCY: wholeNumber(1, 256).default(4),
  CONNECTOR_PROVISIONING_MAX_ATTEMPTS: wholeNumber(1, 100).default(8),
  CONNECTOR_PROVISIONING_POLL_MS: wholeNumber(10, 60_000).default(1_000),
});

export type ProvisioningConfig = z.infer<typeof provisioningConfigSchema>;

/**
 * How reconciliation runs: the scheduler (off for an instance that only serves the API) and how
 * often it looks for due applications, how often runs left running by a stopped instance are ended
 * (every instance does this, scheduler or not), the page size asked of targets, and how long a change is
 * left to the provisioning under way before its absence counts as drift.
 */
export const reconciliationConfigSchema = z.object({
  CONNECTOR_RECONCILIATION_SCHEDULER: z.enum(['on', 'off']).default('on'),
  CONNECTOR_RECONCILIATION_CHECK_MS: wholeNumber(1_000, 3_600_000).default(60_000),
  CONNECTOR_RECONCILIATION_SWEEP_MS: wholeNumber(500, 3_600_000).default(30_000),
  CONNECTOR_RECONCILIATION_PAGE_SIZE: wholeNumber(1, 1_000).default(500),
  CONNECTOR_RECONCILIATION_SETTLE_MINUTES: wholeNumber(0, 1_440).default(15),
});

/**
 * The connector service's environment: what every service reads, with its own default port, and
 * the credentials key (optional at start, so that a platform without credentials runs without one;
 * an invalid value stops the start), and provisioning's and reconciliation's settings.
 */
export const connectorConfigSchema = serviceConfigSchema({ port: 4104 }).extend({
  ...connectorCredentialsConfigSchema.shape,
  ...provisioningConfigSchema.shape,
  ...reconciliationConfigSchema.shape,
});
