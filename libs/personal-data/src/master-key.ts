import { ConfigurationError, loadConfig } from '@tenure/platform';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KEY_BYTES } from './envelope';

/** The environment variable that holds the master key wrapping every per-person key. */
export const PERSONAL_DATA_KEY_VARIABLE = 'PERSONAL_DATA_KEY';

/**
 * The master key being replaced, accepted for unwrapping only during a rotation (docs/personal-data.md,
 * "Rotating the master key"): services run with the new key as PERSONAL_DATA_KEY and the old one here
 * until `npm run personal-data:rotate-key` has rewrapped every key, then it is removed.
 */
export const PERSONAL_DATA_KEY_PREVIOUS_VARIABLE = 'PERSONAL_DATA_KEY_PREVIOUS';

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
  PERSONAL_DATA_KEY_PREVIOUS: personalDataKeySchema.optional(),
  NODE_ENV: z.string().default('development'),
});

/** The master key, or null when none is configured outside production. Holds no printable secret. */
export interface PersonalDataMasterKey {
  /** Wraps every key created or wrapped from now on, and is tried first when unwrapping. */
  readonly key: KeyObject;
  /** PERSONAL_DATA_KEY_PREVIOUS during a rotation: tried when `key` does not unwrap a stored key, never used to wrap. */
  readonly previous?: KeyObject;
}

/** The master key and where it came from: the development key file needs rewriting when the key is rotated. */
export interface LocatedPersonalDataMasterKey {
  readonly masterKey: PersonalDataMasterKey;
  /** The development key file of `npm start` it was read from; null when it came from PERSONAL_DATA_KEY. */
  readonly file: string | null;
}

/** Decodes a key already validated by personalDataKeySchema. */
export function personalDataKeyFromText(text: string): KeyObject {
  const bytes = decodeKey(text.trim());
  if (!bytes) throw new ConfigurationError([`not ${KEY_BYTES} random bytes in base64 or hex`]);
  return createSecretKey(bytes);
}

/**
 * Reads PERSONAL_DATA_KEY from the environment. Refuses (ConfigurationError naming the variable) a
 * malformed value, and a missing one in production: there, keys stored unwrapped would let anyone
 * who reads the database read everyone's personal data.
 */
export function personalDataMasterKeyFrom(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PersonalDataMasterKey | null {
  return locatePersonalDataMasterKey(env, cwd)?.masterKey ?? null;
}

/**
 * personalDataMasterKeyFrom, saying whether the key came from the development key file. A
 * PERSONAL_DATA_KEY_PREVIOUS without a current key is refused: it only makes sense beside the key
 * that replaces it, and alone it would silently leave keys stored unwrapped.
 */
export function locatePersonalDataMasterKey(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): LocatedPersonalDataMasterKey | null {
  const config = loadConfig(personalDataConfigSchema, env);
  const previous =
    config.PERSONAL_DATA_KEY_PREVIOUS === undefined ? {} : { previous: personalDataKeyFromText(config.PERSONAL_DATA_KEY_PREVIOUS) };
  let located: LocatedPersonalDataMasterKey | null;
  if (config.PERSONAL_DATA_KEY !== undefined)
    located = { masterKey: { key: personalDataKeyFromText(config.PERSONAL_DATA_KEY) }, file: null };
  else if (config.NODE_ENV === 'production') {
    throw new ConfigurationError([`${PERSONAL_DATA_KEY_VARIABLE}: required in production (not set); ${HOW_TO_SET}`]);
  } else located = config.NODE_ENV === 'development' ? developmentKeyFile(env, cwd) : null;
  if (!located) {
    if (config.PERSONAL_DATA_KEY_PREVIOUS === undefined) return null;
    throw new ConfigurationError([
      `${PERSONAL_DATA_KEY_PREVIOUS_VARIABLE}: set without ${PERSONAL_DATA_KEY_VARIABLE}; during a rotation ${PERSONAL_DATA_KEY_VARIABLE} holds the new master key and ${PERSONAL_DATA_KEY_PREVIOUS_VARIABLE} the old one`,
    ]);
  }
  return { masterKey: { ...located.masterKey, ...previous }, file: located.file };
}

/** The file `npm start` generates the development key into (libs/launcher/src/personal-data-key.ts). */
export const PERSONAL_DATA_KEY_FILE = 'personal-data-key.json';

/**
 * In development, a command-line tool run beside `npm start` (replay, imports, loaders) takes the key
 * the launcher generated into its data directory, as it takes its embedded database: nobody copies
 * the key around. No file: none (keys unwrapped). A damaged file is refused, never ignored.
 */
function developmentKeyFile(env: NodeJS.ProcessEnv, cwd: string): LocatedPersonalDataMasterKey | null {
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
  return { masterKey: { key: createSecretKey(key) }, file };
}

/**
 * Replaces the development key file with a new key, in the launcher's format (base64), readable by its
 * owner only. Two steps so that a rotation can commit between them: this writes a temporary file
 * beside it (a full disk or a read-only directory fails before anything is rotated), `commit` renames it
 * over the key file (atomic: a reader sees the old file or the new one, never half of one), `discard`
 * removes it when the rotation was refused.
 */
export function prepareDevelopmentKeyFile(file: string, key: KeyObject): { commit(): void; discard(): void } {
  const temporary = `${file}.${process.pid}.rotating.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ key: key.export().toString('base64') })}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // the mode of writeFileSync is subject to the umask, and only applies to a new file
  return {
    commit: () => renameSync(temporary, file),
    discard: () => rmSync(temporary, { force: true }),
  };
}

/** What to tell an operator whose master key is missing or wrong. */
export const SET_PERSONAL_DATA_KEY = HOW_TO_SET;
