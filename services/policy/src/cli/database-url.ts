import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The repository root, from this file's place in `services/policy/{src,dist}/cli/`. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');

interface ClusterCredentials {
  readonly user: string;
  readonly password: string;
  readonly port: number;
}

function isClusterCredentials(value: unknown): value is ClusterCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const { user, password, port } = value as Record<string, unknown>;
  return typeof user === 'string' && user !== '' && typeof password === 'string' && password !== '' && Number.isInteger(port);
}

export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

/**
 * DATABASE_URL when set; otherwise the embedded cluster `npm start` runs, from its cluster file
 * (`<TENURE_DATA_DIR or .tenure>/pgdata.cluster.json`: generated credentials and last port; database `tenure`).
 * @tenure/platform does not export a reader for that file, so this builds the URL the same way it does
 * (as the identity service's hris:import does; a service may not import another, so each CLI has its copy).
 */
export async function resolveDatabaseUrl(env: NodeJS.ProcessEnv, root = REPOSITORY_ROOT): Promise<string> {
  const explicit = env['DATABASE_URL'];
  if (explicit) return explicit;
  const file = path.join(path.resolve(root, env['TENURE_DATA_DIR'] ?? '.tenure'), 'pgdata.cluster.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new DatabaseUrlError(
      `no database: DATABASE_URL is not set and there is no embedded cluster (${file}); run npm start first or set DATABASE_URL`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isClusterCredentials(parsed)) {
    throw new DatabaseUrlError(`${file} does not name a user, password and port; run npm start once or set DATABASE_URL`);
  }
  return `postgres://${encodeURIComponent(parsed.user)}:${encodeURIComponent(parsed.password)}@127.0.0.1:${parsed.port}/tenure`;
}
