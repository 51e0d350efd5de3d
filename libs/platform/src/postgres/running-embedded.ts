import path from 'node:path';
import { isProcessAlive } from '../process/process-inspection';
import { readClusterFile } from './cluster-file';

/**
 * Where the platform's data lives when `npm start` runs from `root`: `TENURE_DATA_DIR`, or `.tenure`.
 * The embedded cluster is `<data dir>/pgdata`, as the launcher creates it.
 */
export function launcherClusterDir(root: string, env: NodeJS.ProcessEnv): string {
  return path.join(path.resolve(root, env['TENURE_DATA_DIR'] ?? '.tenure'), 'pgdata');
}

/**
 * The URL of the embedded database a running launcher owns in `clusterDir` (from the cluster file
 * beside it, readable by its owner only), or undefined when none runs there: command-line tools
 * then work against `npm start` without anyone copying a password around.
 */
export async function runningEmbeddedDatabaseUrl(clusterDir: string, databaseName = 'tenure'): Promise<string | undefined> {
  const cluster = await readClusterFile(`${clusterDir}.cluster.json`).catch(() => undefined);
  if (!cluster?.port || !cluster.ownerPid || !isProcessAlive(cluster.ownerPid)) return undefined;
  return `postgres://${encodeURIComponent(cluster.user)}:${encodeURIComponent(cluster.password)}@127.0.0.1:${cluster.port}/${encodeURIComponent(databaseName)}`;
}
