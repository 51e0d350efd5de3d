import path from 'node:path';
import { ConfigurationError } from '@tenure/platform';
import { ConsoleReporter } from './console-reporter';
import { createSchema, provideDatabase } from './database';
import { seedDemoApplications, seedDemoData, seedDemoPolicy } from './demo-data';
import { loadLauncherConfig, resolveDataDir, type LauncherConfig } from './launcher-config';
import { Lifecycle } from './lifecycle';
import { planPlatformProcesses, type PlannedProcess } from './platform-processes';
import { findStartProblems } from './preflight';
import { findRepositoryRoot } from './repository-root';
import { RunRecordFile, stopLeftoverProcesses } from './run-record';
import { exitOnShutdownSignals } from './shutdown-signals';
import { Supervisor } from './supervisor';

/** How long a stage may take to become ready before the next one starts regardless. */
const STAGE_READY_TIMEOUT_MS = 60_000;

interface Launch {
  readonly config: LauncherConfig;
  readonly root: string;
  readonly planned: readonly PlannedProcess[];
  readonly lifecycle: Lifecycle;
  readonly reporter: ConsoleReporter;
  readonly runRecord: RunRecordFile;
}

/**
 * `npm start`: validates the configuration, provides PostgreSQL (embedded unless DATABASE_URL is
 * set), creates the schema, then runs every service, the gateway and the portal as separate,
 * supervised processes until Ctrl-C, which stops them all and then the database.
 */
export async function runLauncher(env: NodeJS.ProcessEnv): Promise<void> {
  const root = findRepositoryRoot(__dirname);
  const color = process.stdout.isTTY === true && env['NO_COLOR'] === undefined;
  const write = (text: string): void => void process.stdout.write(text);

  let config: LauncherConfig;
  try {
    config = loadLauncherConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    new ConsoleReporter({ write, names: [], color }).error(error.message);
    process.exit(1);
  }

  const planned = planPlatformProcesses(config, root);
  const reporter = new ConsoleReporter({ write, names: planned.map((process) => process.name), color });
  const runRecordPath = path.join(resolveDataDir(config, root), 'launcher.json');
  try {
    await stopLeftoverProcesses(runRecordPath, (message) => reporter.say(message));
  } catch (error) {
    reporter.error(`Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const problems = await findStartProblems(planned, root);
  if (problems.length > 0) {
    reporter.error(`Cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    process.exit(1);
  }

  const launch: Launch = { config, root, planned, reporter, lifecycle: new Lifecycle(), runRecord: new RunRecordFile(runRecordPath) };
  const stopAll = async (): Promise<void> => {
    await launch.lifecycle.stopAll((name, error) => reporter.error(`${name} did not stop cleanly: ${(error as Error).message}`));
    launch.runRecord.remove();
  };
  const startup = startPlatform(launch);
  exitOnShutdownSignals({
    say: (message) => reporter.say(message),
    stopGracefully: async () => {
      launch.lifecycle.requestStop();
      await startup.catch(() => undefined);
      await stopAll();
      reporter.flushStatusTable();
      reporter.say('everything stopped');
    },
    stopForcibly: async () => {
      await launch.lifecycle.forceStopAll();
      launch.runRecord.remove();
    },
  });

  try {
    await startup;
  } catch (error) {
    reporter.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    process.exit(1);
  }
}

async function startPlatform({ config, root, planned, lifecycle, reporter, runRecord }: Launch): Promise<void> {
  const say = (message: string): void => reporter.say(message);
  const databaseUrl = await provideDatabase(config, root, lifecycle, say);
  if (lifecycle.isStopping) return;

  const applied = await createSchema(databaseUrl);
  say(applied.length > 0 ? `event store schema created (migrations ${applied.join(', ')})` : 'event store schema up to date');
  if (lifecycle.isStopping) return;
  if (config.NODE_ENV === 'development') {
    const dataDir = resolveDataDir(config, root);
    say(await seedDemoData(root, databaseUrl, dataDir));
    // After the people: the first version then has identities to decide about.
    say(await seedDemoPolicy(root, databaseUrl, dataDir));
    // Before the services: the applications are there when the first assignment reaches the connector.
    say(await seedDemoApplications(root, databaseUrl, dataDir));
  }
  if (lifecycle.isStopping) return;

  const supervisor = new Supervisor(
    planned.map((process) => process.spec(databaseUrl)),
    {
      onStateChange: () => {
        runRecord.update(supervisor.rows().flatMap((row) => ('pid' in row.state ? [{ name: row.name, pid: row.state.pid }] : [])));
        reporter.scheduleStatusTable(() => supervisor.rows());
      },
      onOutput: (name, line) => reporter.output(name, line),
    },
  );
  lifecycle.own(
    'processes',
    async () => {
      await supervisor.stopAll();
      reporter.flushStatusTable();
    },
    () => supervisor.forceKillAll(),
  );

  const stages = [...new Set(planned.map((process) => process.stage))].sort((a, b) => a - b);
  for (const stage of stages) {
    if (lifecycle.isStopping) return;
    const names = planned.filter((process) => process.stage === stage).map((process) => process.name);
    supervisor.start(names);
    const notReady = await supervisor.waitUntilSettled(names, STAGE_READY_TIMEOUT_MS, lifecycle.stopRequested);
    if (notReady.length > 0 && !lifecycle.isStopping) say(`not ready: ${notReady.join(', ')}; starting the rest anyway`);
  }
  if (lifecycle.isStopping) return;

  reporter.printStatusTable(supervisor.rows());
  const gateway = planned.find((process) => process.name === 'gateway');
  const portal = planned.find((process) => process.name === 'portal');
  const slack = planned.find((process) => process.name === 'slack');
  const signIn = planned.some((process) => process.name === 'identity-provider') ? ' (demo people, password tenure-demo)' : '';
  const allReady = supervisor.rows().every((row) => row.state.status === 'ready');
  say(
    `${allReady ? 'Tenure is up' : 'Tenure started with problems (see the table)'}: ` +
      `${portal ? `portal at http://localhost:${portal.port}${signIn}, ` : ''}GraphQL at http://localhost:${gateway?.port}/graphql` +
      `${slack ? `, Slack requests at http://localhost:${slack.port}/slack/events` : ''}; Ctrl-C stops everything`,
  );
}
