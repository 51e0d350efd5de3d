import { loadConfig } from '@tenure/platform';
import { z } from 'zod';

export const DEFAULT_HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS = 90;
const MAX_RETENTION_DAYS = 36_500;
const retentionMessage = `must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}`;

/** How long the rejected rows of an HR import run that name nobody are kept after the run ended (docs/personal-data.md). */
export const hrImportRetentionConfigSchema = z.object({
  HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS: z.coerce
    .number({ error: retentionMessage })
    .int(retentionMessage)
    .min(1, retentionMessage)
    .max(MAX_RETENTION_DAYS, retentionMessage)
    .optional(),
});

/**
 * The retention period in milliseconds; throws ConfigurationError naming a bad value. The service runtime
 * validates the whole identity configuration (this variable included, see `config.ts`) but does not hand
 * it to the modules, so the module reads its own variable through the same schema.
 */
export function hrImportUnnamedRowsRetentionMsFromEnv(env: NodeJS.ProcessEnv): number {
  const days =
    loadConfig(hrImportRetentionConfigSchema, env).HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS ?? DEFAULT_HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS;
  return days * 86_400_000;
}
