import { z } from 'zod';

/** Thrown at start when configuration is missing or invalid; lists every problem at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Validates environment variables against a zod schema whose keys are the variable names.
 * Every bad or missing value is reported with its variable name and what was wrong.
 */
export function loadConfig<Schema extends z.ZodObject>(schema: Schema, env: NodeJS.ProcessEnv = process.env): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigurationError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      return value === undefined ? `${name}: ${issue.message} (not set)` : `${name}: ${issue.message}`;
    }),
  );
}

const portMessage = 'must be a whole number from 1 to 65535';

/** A TCP port given as text in the environment. */
export const portSchema = z.coerce.number({ error: portMessage }).int(portMessage).min(1, portMessage).max(65535, portMessage);

/** A postgres:// URL. */
export const databaseUrlSchema = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
