import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, fold, randomIds, systemClock, type Actor, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { describeTarget } from '@tenure/platform';
import type { PolicyProblem } from '@tenure/policy-decisions';
import { PolicyAdministration } from '../application/policy-administration';
import { POLICY_SET_STREAM } from '../application/policy-streams';
import { policySetDecider, type PolicySetEvent } from '../domain/policy-set';
import { DatabaseUrlError, resolveDatabaseUrl } from './database-url';
import { describePolicy } from './describe-policy';
import { parsePolicyLoadArgs, USAGE, type PolicyLoadRequest } from './policy-load-args';

export interface PolicyLoadIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly clock?: Clock;
  /** Relative file names are read from here. Default: the working directory npm was started in. */
  readonly cwd?: string;
}

export const EXIT_LOADED = 0;
export const EXIT_REFUSED = 1;

/**
 * `npm run policy:load`: replaces the policy draft with a JSON document, and with --publish publishes
 * it, in-process against DATABASE_URL (or the embedded cluster of `npm start`). It only appends to
 * the policy set stream (no read model is needed): the running service's read models and detective
 * SoD pick the new version up from the log, whenever they run.
 */
export async function runPolicyLoad(argv: readonly string[], env: NodeJS.ProcessEnv, io: PolicyLoadIo): Promise<number> {
  const request = parsePolicyLoadArgs(argv);
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

  let databaseUrl: string;
  try {
    databaseUrl = await resolveDatabaseUrl(env);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    io.err(error.message);
    return EXIT_REFUSED;
  }

  const store = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 2 });
  try {
    await migrate(store.pool);
    return await load(request, document, store, env, io);
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`refused: ${error.message}`);
      for (const problem of (error.details['problems'] as readonly PolicyProblem[] | undefined) ?? []) io.err(`  ${problem.message}`);
      return EXIT_REFUSED;
    }
    io.err(
      `policy:load failed against PostgreSQL at ${describeTarget(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_REFUSED;
  } finally {
    await store.close();
  }
}

async function load(
  request: Extract<PolicyLoadRequest, { mode: 'load' }>,
  document: unknown,
  store: PostgresEventStore,
  env: NodeJS.ProcessEnv,
  io: PolicyLoadIo,
): Promise<number> {
  const fileName = path.basename(request.file);
  if (request.ifEmpty) {
    const latest = await latestVersion(store);
    if (latest !== null) {
      io.out(`skipped: policy version ${latest} is already published`);
      return EXIT_LOADED;
    }
  }
  const administration = new PolicyAdministration({
    store,
    pool: store.pool,
    clock: io.clock ?? systemClock,
    ids: randomIds,
    // Only granting exceptions reads the read models, and this command grants none.
    readModelsCaughtUp: async () => undefined,
  });
  const actor: Actor = { kind: 'person', id: env['USER'] ?? 'policy-load-cli' };
  const draft = await administration.replaceDraft(document, actor);
  const contents = describePolicy(draft.policy);
  if (!request.publish) {
    io.out(`draft replaced from ${fileName} (${contents}); publish it with --publish or from the administration API`);
    return EXIT_LOADED;
  }
  if (!draft.changed && draft.basedOnVersion !== null) {
    io.out(`unchanged: version ${draft.basedOnVersion} already holds ${fileName} (${contents})`);
    return EXIT_LOADED;
  }
  const version = await administration.publish(request.note ?? `loaded from ${fileName}`, actor);
  io.out(
    request.oneLine
      ? `policy version ${version.version} published from ${fileName} (${contents})`
      : `published version ${version.version} from ${fileName}: ${contents}; note "${version.note}"`,
  );
  return EXIT_LOADED;
}

/** Read from the policy set stream itself: this command runs no read model. */
async function latestVersion(store: PostgresEventStore): Promise<number | null> {
  const events = await store.readStream(POLICY_SET_STREAM);
  const state = fold(
    policySetDecider,
    events.map((event) => ({ type: event.type, data: event.data }) as PolicySetEvent),
  );
  return state.latest?.version ?? null;
}
