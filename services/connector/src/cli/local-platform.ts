import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The repository root, from this file's place in `services/connector/{src,dist}/cli/`. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');

/** Where `npm start` keeps its state: TENURE_DATA_DIR (relative to the repository root) or `.tenure`. */
export function dataDirectory(env: NodeJS.ProcessEnv, root = REPOSITORY_ROOT): string {
  return path.resolve(root, env['TENURE_DATA_DIR'] ?? '.tenure');
}

export class LocalPlatformError extends Error {
  override readonly name = 'LocalPlatformError';
}

/**
 * DATABASE_URL when set; otherwise the embedded cluster `npm start` runs, from its cluster file
 * (`<data directory>/pgdata.cluster.json`: generated credentials and last port; database `tenure`).
 * @tenure/platform does not export a reader for that file, so this builds the URL the same way it
 * does (as the identity and policy CLIs do; a service may not import another, so each has its copy).
 */
export async function resolveDatabaseUrl(env: NodeJS.ProcessEnv, root = REPOSITORY_ROOT): Promise<string> {
  const explicit = env['DATABASE_URL'];
  if (explicit) return explicit;
  const file = path.join(dataDirectory(env, root), 'pgdata.cluster.json');
  const cluster = await readJson(file);
  if (!cluster.found) {
    throw new LocalPlatformError(
      `no database: DATABASE_URL is not set and there is no embedded cluster (${file}); run npm start first or set DATABASE_URL`,
    );
  }
  const { user, password, port } = (cluster.value ?? {}) as Record<string, unknown>;
  if (typeof user !== 'string' || user === '' || typeof password !== 'string' || password === '' || !Number.isInteger(port)) {
    throw new LocalPlatformError(`${file} does not name a user, password and port; run npm start once or set DATABASE_URL`);
  }
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${String(port)}/tenure`;
}

/** The launcher's file that holds the development credentials key (libs/launcher connector-credentials-key.ts writes it). */
export const CREDENTIALS_KEY_FILE = 'connector-credentials.json';

/**
 * CONNECTOR_CREDENTIALS_KEY when set; otherwise the key `npm start` generated for the connector
 * service in the data directory, so that credentials loaded from the command line open in the
 * running service. Undefined when there is neither: loading credentials is then refused by name.
 */
export async function resolveCredentialsKey(env: NodeJS.ProcessEnv, root = REPOSITORY_ROOT): Promise<string | undefined> {
  const explicit = env['CONNECTOR_CREDENTIALS_KEY'];
  if (explicit) return explicit;
  const stored = await readJson(path.join(dataDirectory(env, root), CREDENTIALS_KEY_FILE));
  const key = stored.found ? (stored.value as { key?: unknown } | null)?.key : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** A file that cannot be read counts as missing; one that is not JSON as found with no value (null). */
async function readJson(file: string): Promise<{ readonly found: false } | { readonly found: true; readonly value: unknown }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { found: false };
  }
  try {
    return { found: true, value: JSON.parse(text) as unknown };
  } catch {
    return { found: true, value: null };
  }
}
