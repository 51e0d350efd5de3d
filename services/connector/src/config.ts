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

/**
 * The connector service's environment: what every service reads, with its own default port, and
 * the credentials key (optional at start, so that a platform without credentials runs without one;
 * an invalid value stops the start).
 */
export const connectorConfigSchema = serviceConfigSchema({ port: 4104 }).extend(connectorCredentialsConfigSchema.shape);
