import { ConfigurationError, loadConfig } from '@tenure/platform';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KEY_BYTES } from './envelope';

/** The environment variable that holds the master key wrapping every per-person key. */
export const PERSONAL_DATA_KEY_VARIABLE = 'PERSONAL_DATA_KEY';

const HOW_TO_SET =
  `set ${PERSONAL_DATA_KEY_VARIABLE} to ${KEY_BYTES} random bytes in base64 or hex (e.g. \`openssl rand -base64 32\`); ` +
  '`npm start` generates one into its data directory (.tenure/personal-data-key.json)';

/** 32 bytes as base64 (44 characters) or hex (64 characters); anything else is refused, never guessed. */
function decodeKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    const decoded = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
    return decoded.length === KEY_BYTES ? decoded : undefined;
  }
  return undefined;
}

/** The master key's text as configured. Secret: zod messages never repeat the value. */
export const personalDataKeySchema = z
  .string()
  .trim()
  .refine(
    (value) => decodeKey(value) !== undefined,
    `must be ${KEY_BYTES} random bytes in base64 or hex, e.g. \`openssl rand -base64 32\``,
  );

/**
 * The personal-data settings every process that reads or appends events takes. Optional outside
 * production: without it, per-person keys are stored unwrapped (development and tests only).
 */
export const personalDataConfigSchema = z.object({
  PERSONAL_DATA_KEY: personalDataKeySchema.optional(),
  NODE_ENV: z.string().default('development'),
});

/** The master key, or null when none is configured outside production. Holds no printable secret. */
export interface PersonalDataMasterKey {
  readonly key: KeyObject;
}

/**
 * Reads PERSONAL_DATA_KEY from the environment. Refuses (ConfigurationError naming the variable) a
 * malformed value, and a missing one in production: there, keys stored unwrapped would let anyone
 * who reads the database read everyone's personal data.
 */
export function personalDataMasterKeyFrom(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PersonalDataMasterKey | null {
  const config = loadConfig(personalDataConfigSchema, env);
  if (config.PERSONAL_DATA_KEY !== undefined) return { key: createSecretKey(decodeKey(config.PERSONAL_DATA_KEY) as Buffer) };
  if (config.NODE_ENV === 'production') {
    throw new ConfigurationError([`${PERSONAL_DATA_KEY_VARIABLE}: required in production (not set); ${HOW_TO_SET}`]);
  }
  return config.NODE_ENV === 'development' ? developmentKeyFile(env, cwd) : null;
}

/** The file `npm start` generates the development key into (libs/launcher/src/personal-data-key.ts). */
export const PERSONAL_DATA_KEY_FILE = 'personal-data-key.json';

/**
 * In development, a command-line tool run beside `npm start` (replay, imports, loaders) takes the key
 * the launcher generated into its data directory, as it takes its embedded database: nobody copies
 * the key around. No file: none (keys unwrapped). A damaged file is refused, never ignored.
 */
function developmentKeyFile(env: NodeJS.ProcessEnv, cwd: string): PersonalDataMasterKey | null {
  const file = path.join(path.resolve(cwd, env['TENURE_DATA_DIR'] ?? '.tenure'), PERSONAL_DATA_KEY_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let key: Buffer | undefined;
  try {
    const parsed = JSON.parse(text) as { key?: unknown };
    key = typeof parsed.key === 'string' ? decodeKey(parsed.key) : undefined;
  } catch {
    key = undefined;
  }
  if (!key) throw new ConfigurationError([`${PERSONAL_DATA_KEY_VARIABLE}: ${file} does not hold a valid key; ${HOW_TO_SET}`]);
  return { key: createSecretKey(key) };
}

/** What to tell an operator whose master key is missing or wrong. */
export const SET_PERSONAL_DATA_KEY = HOW_TO_SET;
