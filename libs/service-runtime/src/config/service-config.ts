import { personalDataKeySchema } from '@tenure/personal-data';
import { databaseUrlSchema, logLevelSchema, portSchema } from '@tenure/platform';
import { z } from 'zod';

/** The environment every service reads; each service only chooses its default port. */
export function serviceConfigSchema(defaults: { readonly port: number }) {
  return z.object({
    PORT: portSchema.default(defaults.port),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: databaseUrlSchema,
    LOG_LEVEL: logLevelSchema,
    NODE_ENV: z.string().default('development'),
    /** Wraps the per-person keys of personal data; required in production (checked at start). Secret: never logged. */
    PERSONAL_DATA_KEY: personalDataKeySchema.optional(),
  });
}

export type ServiceConfigSchema = ReturnType<typeof serviceConfigSchema>;

/** PORT 0 picks a free port (tests); the schema itself only accepts 1 to 65535 from the environment. */
export type ServiceConfig = z.infer<ServiceConfigSchema>;
