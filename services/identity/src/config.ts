import { serviceConfigSchema } from '@tenure/service-runtime';
import { z } from 'zod';
import { hrImportRetentionConfigSchema } from './hr-imports/hr-import-retention-config';
import { hrWebhookSecretsSchema } from './hr-inputs/webhook/hr-webhook-config';

/** The SCIM endpoint's settings; without tokens /scim/v2 answers 503 (not configured). */
export const identityScimConfigSchema = z.object({
  /** Comma-separated bearer tokens accepted at /scim/v2, one per HR feed. Secret: never logged. */
  SCIM_TOKENS: z.string().optional(),
});

/** The interim administrator check of the HR import mutations, until OIDC and roles arrive (issue 7). */
export const identityAdminConfigSchema = z.object({
  /** Comma-separated bearer tokens of administrators (HR import mutations). Secret: never logged. */
  ADMIN_TOKENS: z.string().optional(),
});

/** The identity service's environment: what every service reads, with its own default port, and the HR inputs' settings. */
export const identityConfigSchema = serviceConfigSchema({ port: 4101 })
  .extend(identityScimConfigSchema.shape)
  // Comma-separated HMAC secrets of the HR webhook (several while rotating). Secret: never logged.
  .extend({ HR_WEBHOOK_SECRETS: hrWebhookSecretsSchema })
  .extend(identityAdminConfigSchema.shape)
  // Days an HR import run's rejected rows that name nobody are kept after the run ended (default 90).
  .extend(hrImportRetentionConfigSchema.shape);
