import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomIds, systemClock, type Actor, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { describeTarget } from '@tenure/platform';
import { APPLICATION_STREAM_PREFIX } from '../application/connector-streams';
import { CredentialsVault } from '../application/credentials/credentials-vault';
import { connectorTypes } from '../connectors/connector-types';
import { ApplicationLoader, type LoadOutcome } from './application-loader';
import { parseApplicationsFile, resolveApplications, type ApplicationEntry, type ApplicationToLoad } from './applications-file';
import { parseConnectorLoadArgs, USAGE, type ConnectorLoadRequest } from './connector-load-args';
import { prepareDemoErpDatabase } from './demo-erp-database';
import { dataDirectory, LocalPlatformError, REPOSITORY_ROOT, resolveCredentialsKey, resolveDatabaseUrl } from './local-platform';
import { describeLoad } from './describe-load';

export interface ConnectorLoadIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly clock?: Clock;
  /** Relative file names are read from here. Default: the working directory npm was started in. */
  readonly cwd?: string;
  /** Where `.tenure` (or a relative TENURE_DATA_DIR) is found. Default: the repository root. */
  readonly root?: string;
}

export const EXIT_LOADED = 0;
export const EXIT_REFUSED = 1;
export const EXIT_TARGET_UNREACHABLE = 2;

type LoadRequest = Extract<ConnectorLoadRequest, { mode: 'load' }>;

/**
 * `npm run connector:load`: registers the applications of a JSON file, in-process against
 * DATABASE_URL (or the embedded cluster of `npm start`), through the connector service's own
 * application layer: events, which the running service's read models pick up from the log. The file
 * is checked whole and every target asked whether it answers before anything is recorded.
 */
export async function runConnectorLoad(argv: readonly string[], env: NodeJS.ProcessEnv, io: ConnectorLoadIo): Promise<number> {
  const request = parseConnectorLoadArgs(argv);
  if (request.mode === 'usage') {
    if (request.problem) io.err(request.problem);
    io.err(USAGE);
    return request.problem ? EXIT_REFUSED : EXIT_LOADED;
  }

  const file = path.resolve(io.cwd ?? env['INIT_CWD'] ?? process.cwd(), request.file);
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(code ? `cannot read ${file}: ${code}` : `${file} is not JSON: ${(error as Error).message}`);
    return EXIT_REFUSED;
  }
  const entries = parseApplicationsFile(document);
  if (!entries.ok) return refused(io, `${path.basename(file)} is not a valid applications file:`, entries.problems);

  const root = io.root ?? REPOSITORY_ROOT;
  let databaseUrl: string;
  try {
    databaseUrl = await resolveDatabaseUrl(env, root);
  } catch (error) {
    if (!(error instanceof LocalPlatformError)) throw error;
    io.err(error.message);
    return EXIT_REFUSED;
  }

  const store = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 2 });
  try {
    await migrate(store.pool);
    if (request.ifEmpty) {
      const registered = await registeredApplications(store);
      if (registered > 0) {
        io.out(`skipped: ${registered} application${registered === 1 ? ' is' : 's are'} already registered`);
        return EXIT_LOADED;
      }
    }
    return await prepareAndLoad(request, path.basename(file), entries.value, { store, databaseUrl, root, env, io });
  } catch (error) {
    io.err(
      `connector:load failed against PostgreSQL at ${describeTarget(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_REFUSED;
  } finally {
    await store.close();
  }
}

interface LoadContext {
  readonly store: PostgresEventStore;
  readonly databaseUrl: string;
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly io: ConnectorLoadIo;
}

/** The demo database (with --demo), the file's references to the environment, the credentials key; then the load. */
async function prepareAndLoad(
  request: LoadRequest,
  fileName: string,
  entries: readonly ApplicationEntry[],
  { store, databaseUrl, root, env, io }: LoadContext,
): Promise<number> {
  let variables: NodeJS.ProcessEnv = env;
  if (request.demo) {
    try {
      variables = { ...env, ...(await prepareDemoErpDatabase(databaseUrl, dataDirectory(env, root))) };
    } catch (error) {
      io.err(`the demo ERP database could not be prepared at ${describeTarget(databaseUrl)}: ${(error as Error).message}`);
      return EXIT_TARGET_UNREACHABLE;
    }
  }
  const applications = resolveApplications(entries, variables, connectorTypes);
  if (!applications.ok) return refused(io, `${fileName} cannot be loaded:`, applications.problems);

  const credentialsKey = await resolveCredentialsKey(env, root);
  const needsKey = applications.value.filter((application) => Object.keys(application.credentials).length > 0);
  if (needsKey.length > 0 && credentialsKey === undefined) {
    return refused(io, `${fileName} cannot be loaded:`, [
      `${needsKey.map((application) => application.record).join(', ')}: credentials need CONNECTOR_CREDENTIALS_KEY to be sealed; ` +
        'set it to the connector service’s key, or run npm start once to generate one into the data directory',
    ]);
  }
  const loader = new ApplicationLoader({
    store,
    clock: io.clock ?? systemClock,
    ids: randomIds,
    types: connectorTypes,
    vault: new CredentialsVault({ ...env, CONNECTOR_CREDENTIALS_KEY: credentialsKey }),
    actor: actorFor(request, env),
    reason: `loaded from ${fileName}`,
  });
  return load(request, fileName, applications.value, loader, io);
}

async function load(
  request: LoadRequest,
  fileName: string,
  applications: readonly ApplicationToLoad[],
  loader: ApplicationLoader,
  io: ConnectorLoadIo,
): Promise<number> {
  const unreachable = await loader.unreachableTargets(applications);
  if (unreachable.length > 0) {
    io.err(`nothing loaded from ${fileName}: ${unreachable.length === 1 ? 'a target does' : 'targets do'} not answer:`);
    for (const message of unreachable) io.err(`  ${message}`);
    return EXIT_TARGET_UNREACHABLE;
  }

  const outcomes: LoadOutcome[] = [];
  for (const application of applications) {
    const outcome = await loader.load(application);
    outcomes.push(outcome);
    if (!request.oneLine) io.out(describeLoad.application(outcome));
  }
  const problems = outcomes.flatMap((outcome) => outcome.problems);
  for (const problem of problems) io.err(`  ${problem.message}`);
  io.out(describeLoad.summary(fileName, outcomes));
  if (problems.some((problem) => problem.kind === 'refused')) return EXIT_REFUSED;
  return problems.length > 0 ? EXIT_TARGET_UNREACHABLE : EXIT_LOADED;
}

/** Read from the applications' streams themselves: this command runs no read model. */
async function registeredApplications(store: PostgresEventStore): Promise<number> {
  const registrations = await store.readAll({
    filter: { streamPrefixes: [APPLICATION_STREAM_PREFIX], eventTypes: ['ApplicationRegistered'] },
  });
  return registrations.length;
}

function actorFor(request: LoadRequest, env: NodeJS.ProcessEnv): Actor {
  return request.demo ? { kind: 'system', id: 'demo-data' } : { kind: 'person', id: env['USER'] ?? 'connector-load-cli' };
}

function refused(io: ConnectorLoadIo, headline: string, problems: readonly string[]): number {
  io.err(`refused: ${headline}`);
  for (const problem of problems) io.err(`  ${problem}`);
  return EXIT_REFUSED;
}
