import { loadConfig } from '@tenure/platform';
import { z } from 'zod';

/** A secret shorter than this is too easy to guess for an HMAC key. */
const MIN_SECRET_LENGTH = 16;

/**
 * `HR_WEBHOOK_SECRETS`: comma-separated, so a new secret can be added before the sender switches
 * and the old one removed after. Unset or empty: the webhook answers 503 (there is no default secret).
 */
export const hrWebhookSecretsSchema = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter((secret) => secret !== ''),
  )
  .refine((secrets) => secrets.every((secret) => secret.length >= MIN_SECRET_LENGTH), {
    error: `every secret must have at least ${MIN_SECRET_LENGTH} characters`,
  });

const hrWebhookConfigSchema = z.object({ HR_WEBHOOK_SECRETS: hrWebhookSecretsSchema });

export interface HrWebhookConfig {
  /** Empty when the webhook is not configured. */
  readonly secrets: readonly string[];
}

/** Injection token of the webhook's `HrWebhookConfig`. */
export const HR_WEBHOOK_CONFIG = Symbol('HR_WEBHOOK_CONFIG');

/**
 * Read from the environment when the module starts. The service runtime validates the whole
 * identity configuration (this variable included, see `config.ts`) but does not hand it to the
 * service's modules, so the module reads its own variable through the same schema.
 */
export function loadHrWebhookConfig(env: NodeJS.ProcessEnv): HrWebhookConfig {
  return { secrets: loadConfig(hrWebhookConfigSchema, env).HR_WEBHOOK_SECRETS };
}
