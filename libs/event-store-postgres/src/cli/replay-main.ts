/**
 * Rebuilds read models from position 0 while the services keep answering, then switches them:
 *   npm run replay -- [projection ...]            rebuild and switch (all when none is named)
 *   npm run replay -- --check [projection ...]    rebuild into scratch tables and compare with the live ones
 *   npm run replay -- --list                      the projections there are
 * Options: --json (the result as JSON); --batch-size N (events read and applied at a time, default
 * 50,000: lower it where memory is short, at 1,000,000 events 50,000 peaked near 1 GB). DATABASE_URL names the PostgreSQL that holds the event store
 * (without it, the embedded one of an `npm start` running from the current directory). Projections read
 * personal data: PERSONAL_DATA_KEY (in development, the key file `npm start` keeps in its data directory).
 * The npm script passes each service's projections with --module <file>.
 */
import { PostgresEventStore } from '../postgres-event-store';
import { checkConsistency, type ConsistencyReport } from '../replay/consistency-check';
import { ReplayBusyError } from '../replay/replay-lock';
import type { ReplayProgress } from '../replay/replay-progress';
import { replayProjections, type ReplayResult } from '../replay/replay-projections';
import { commandDatabaseUrl, NO_DATABASE } from './database-url';
import { choose, loadProjections, UsageError } from './load-projections';
import { progressLine } from './progress-line';

type Output = NodeJS.WritableStream & { isTTY?: boolean };

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const modules: string[] = [];
  const names: string[] = [];
  const flags = new Set<string>();
  let batchSize: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--module') modules.push(argv[++i] ?? '');
    else if (arg === '--batch-size') {
      const given = argv[++i] ?? '';
      batchSize = Number(given);
      if (!/^[0-9]+$/.test(given) || batchSize < 1) return usage(`--batch-size needs a whole number of events above 0, not "${given}"`);
    } else if (arg.startsWith('--')) flags.add(arg);
    else names.push(arg);
  }
  const unknownFlags = [...flags].filter((flag) => !['--check', '--list', '--json'].includes(flag));
  if (unknownFlags.length > 0) return usage(`unknown option(s): ${unknownFlags.join(', ')}`);
  if (modules.length === 0 || modules.includes('')) return usage('no projections given: pass --module <file exporting projections>');

  let chosen;
  try {
    const available = await loadProjections(modules);
    if (flags.has('--list')) {
      out.write(`${available.map((p) => p.name).join('\n')}\n`);
      return 0;
    }
    chosen = choose(available, names);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  const databaseUrl = await commandDatabaseUrl(env);
  if (!databaseUrl) return usage(NO_DATABASE);

  const store = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 4 });
  const progress = progressPrinter(err);
  try {
    if (flags.has('--check')) {
      const report = await checkConsistency({
        live: store.pool,
        connectionString: databaseUrl,
        projections: chosen,
        onProgress: progress.update,
      });
      progress.end();
      out.write(flags.has('--json') ? `${JSON.stringify(report)}\n` : describeReport(report));
      return report.consistent ? 0 : 1;
    }
    const result = await replayProjections({
      live: store.pool,
      connectionString: databaseUrl,
      notifier: store.wakeups,
      projections: chosen,
      ...(batchSize ? { batchSize } : {}),
      onProgress: progress.update,
      onIndexing: (indexes) => (progress.end(), err.write(`all events applied; ${indexes} indexes left to build\n`)),
      onSwitching: () => (progress.end(), err.write('all rebuilt; switching the services to the rebuilt tables\n')),
    });
    out.write(flags.has('--json') ? `${JSON.stringify(result)}\n` : describeResult(result));
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof ReplayBusyError) {
      err.write(`${error.message}\n`);
      return 3;
    }
    throw error;
  } finally {
    await store.close();
  }

  function usage(message: string): number {
    err.write(`${message}\nusage: npm run replay -- [--check] [--list] [--json] [--batch-size N] [projection ...]\n`);
    return 2;
  }
}

/** A bar redrawn in place on a terminal; a line a second (and at each bar's end) otherwise. */
function progressPrinter(err: Output): { update: (progress: ReplayProgress) => void; end: () => void } {
  const interactive = err.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      // A replay reads the log once for all its projections; a check goes through them one by one.
      const line = progress.of > 1 ? `[${progress.index}/${progress.of}] ${progressLine(progress)}` : progressLine(progress);
      const now = Date.now();
      if (interactive) {
        err.write(`\r${line}\u001b[K`);
        drawn = true;
      } else if (now - last >= 1_000 || progress.applied === progress.total) {
        err.write(`${line}\n`);
        last = now;
      }
    },
    end() {
      if (drawn) err.write('\n');
      drawn = false;
    },
  };
}

function describeResult(result: ReplayResult): string {
  const lines = result.projections.map((p) => `  ${p.name}: ${p.applied} events in ${p.seconds.toFixed(2)} s`);
  return `rebuilt and switched ${result.projections.length} projection(s), ${result.tables.length} table(s), in ${result.seconds.toFixed(1)} s\n${lines.join('\n')}\n`;
}

function describeReport(report: ConsistencyReport): string {
  const lines = report.tables.map((table) => {
    if (table.onlyLive === 0 && table.onlyRebuilt === 0 && table.missingColumns.length === 0) return `  ${table.table}: same`;
    const parts = [`  ${table.table}: ${table.onlyLive} row(s) only in the live table, ${table.onlyRebuilt} only in the rebuilt one`];
    if (table.missingColumns.length > 0) parts.push(`    columns the live table lacks: ${table.missingColumns.join(', ')}`);
    for (const row of table.samples.onlyLive) parts.push(`    live:    ${JSON.stringify(row)}`);
    for (const row of table.samples.onlyRebuilt) parts.push(`    rebuilt: ${JSON.stringify(row)}`);
    return parts.join('\n');
  });
  const verdict = report.consistent
    ? `consistent: ${report.projections.length} projection(s) rebuilt from the log match the live read models`
    : 'DIFFERENCES: the live read models do not match a rebuild from the log';
  return `${verdict}\n${lines.join('\n')}\n`;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
