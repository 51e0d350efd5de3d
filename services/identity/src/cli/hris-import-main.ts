import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, randomIds, systemClock, type Actor, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, startProjection, type RunningProjection } from '@tenure/event-store-postgres';
import { describeTarget } from '@tenure/platform';
import { identityDirectoryProjection } from '../read-model/identity-directory.projection';
import { countKnownIdentities, HrImportService, hrImportRunsProjection, type HrImportOutcome } from '../hr-imports';
import { parseHrisImportArgs, USAGE, type HrisImportRequest } from './hris-import-args';
import { DatabaseUrlError, resolveDatabaseUrl } from './database-url';
import { describeCorrection, describeOutcome, summariseOutcome } from './print-outcome';
import { ConfigurationError } from '@tenure/platform';
import { massChangePolicyFromEnv, type MassChangePolicy } from '../hr-inputs/change-guard';

export interface HrisImportIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly clock?: Clock;
  /** Relative file names are read from here. Default: the working directory npm was started in. */
  readonly cwd?: string;
}

export const EXIT_APPLIED = 0;
export const EXIT_REFUSED = 1;
export const EXIT_HELD = 2;

/** Catching up a large directory can take a while; the import waits for it. */
const CATCH_UP_TIMEOUT_MS = 10 * 60_000;

/**
 * `npm run hris:import`: runs an import, a confirmation, a discard or a correction in-process against DATABASE_URL
 * (or the embedded cluster of `npm start`). The read models are caught up first, because the diff
 * compares the file with identity_directory, and again at the end, so the directory shows the result.
 */
export async function runHrisImport(argv: readonly string[], env: NodeJS.ProcessEnv, io: HrisImportIo): Promise<number> {
  const request = parseHrisImportArgs(argv);
  if (request.mode === 'usage') {
    if (request.problem) io.err(request.problem);
    io.err(USAGE);
    return request.problem ? EXIT_REFUSED : EXIT_APPLIED;
  }

  let content: Buffer | undefined;
  if (request.mode === 'import') {
    const file = path.resolve(io.cwd ?? env['INIT_CWD'] ?? process.cwd(), request.file);
    try {
      content = await readFile(file);
    } catch (error) {
      io.err(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return EXIT_REFUSED;
    }
  }

  let policy: MassChangePolicy;
  try {
    policy = massChangePolicyFromEnv(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    io.err(error.message);
    return EXIT_REFUSED;
  }

  let databaseUrl: string;
  try {
    databaseUrl = await resolveDatabaseUrl(env);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    io.err(error.message);
    return EXIT_REFUSED;
  }

  const store = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 12 });
  const projections: RunningProjection[] = [];
  try {
    await migrate(store.pool);
    for (const projection of [identityDirectoryProjection, hrImportRunsProjection]) {
      projections.push(await startProjection({ pool: store.pool, notifier: store.wakeups, projection }));
    }
    const [directory] = projections;
    const caughtUp = async () => {
      for (const running of projections) await running.waitUntilCaughtUp(CATCH_UP_TIMEOUT_MS);
    };
    await caughtUp();
    const service = new HrImportService({
      store,
      pool: store.pool,
      clock: io.clock ?? systemClock,
      ids: randomIds,
      directoryCaughtUp: () => directory!.waitUntilCaughtUp(CATCH_UP_TIMEOUT_MS),
      policy,
    });
    const code = await execute(request, content, service, store, env, io);
    await caughtUp();
    return code;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(error.message);
      return EXIT_REFUSED;
    }
    io.err(
      `hris:import failed against PostgreSQL at ${describeTarget(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_REFUSED;
  } finally {
    for (const running of projections.reverse()) await running.stop();
    await store.close();
  }
}

async function execute(
  request: Exclude<HrisImportRequest, { mode: 'usage' }>,
  content: Buffer | undefined,
  service: HrImportService,
  store: PostgresEventStore,
  env: NodeJS.ProcessEnv,
  io: HrisImportIo,
): Promise<number> {
  const person: Actor = { kind: 'person', id: env['USER'] ?? 'hris-import-cli' };
  switch (request.mode) {
    case 'import': {
      if (request.ifEmpty) {
        const known = await countKnownIdentities(store.pool);
        if (known > 0) {
          io.out(`skipped: ${known} identities already known`);
          return EXIT_APPLIED;
        }
      }
      const outcome = await service.importCsv({
        fileName: path.basename(request.file),
        content: content!,
        complete: request.complete,
        actor: { kind: 'hr-feed', id: request.channel === 'demo' ? 'demo-data' : 'hris-import-cli' },
        channel: request.channel,
      });
      report(outcome, request.oneLine, io);
      return exitCodeOf(outcome);
    }
    case 'confirm': {
      const outcome = await service.confirm(request.runId, person);
      report(outcome, false, io);
      return exitCodeOf(outcome);
    }
    case 'discard': {
      const outcome = await service.discard(request.runId, person, request.reason);
      report(outcome, false, io);
      return exitCodeOf(outcome);
    }
    case 'correct': {
      const corrected = await service.correctRecord(request.runId, request.line, request.values, person);
      for (const line of describeCorrection(corrected)) io.out(line);
      return EXIT_APPLIED;
    }
    default: {
      const unexpected: never = request;
      throw new Error(`unknown request ${JSON.stringify(unexpected)}`);
    }
  }
}

function report(outcome: HrImportOutcome, oneLine: boolean, io: HrisImportIo): void {
  if (oneLine) io.out(summariseOutcome(outcome));
  else for (const line of describeOutcome(outcome)) io.out(line);
}

function exitCodeOf(outcome: HrImportOutcome): number {
  switch (outcome.status) {
    case 'applied':
    case 'discarded':
      return EXIT_APPLIED;
    case 'held':
      return EXIT_HELD;
    case 'refused':
      return EXIT_REFUSED;
    default: {
      const unexpected: never = outcome.status;
      throw new Error(`unknown outcome ${String(unexpected)}`);
    }
  }
}
