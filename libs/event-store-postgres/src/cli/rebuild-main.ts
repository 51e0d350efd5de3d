/**
 * Rebuilds projections from position 0:
 *   DATABASE_URL=... node libs/event-store-postgres/dist/cli/rebuild-main.js --module <file.js> [name ...]
 * The module exports `projections: Projection[]`. Stop the live runners of those projections first.
 */
import { resolve } from 'node:path';
import type { Projection } from '../projections/projection';
import { rebuildProjection } from '../projections/rebuild-projection';
import { PostgresEventStore } from '../postgres-event-store';
import { progressLine } from './progress-line';

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WriteStream | NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const moduleIndex = argv.indexOf('--module');
  const modulePath = moduleIndex >= 0 ? argv[moduleIndex + 1] : undefined;
  const names = argv.filter((_, i) => i !== moduleIndex && i !== moduleIndex + 1);
  if (!modulePath) return fail('usage: rebuild-main --module <file exporting projections> [projection ...]');
  if (!env['DATABASE_URL']) return fail('DATABASE_URL is not set: point it at the PostgreSQL that holds the event store');

  const exported = (await import(resolve(modulePath))) as { projections?: Projection[] };
  const available = exported.projections ?? [];
  const unknown = names.filter((n) => !available.some((p) => p.name === n));
  if (unknown.length > 0)
    return fail(`unknown projection(s): ${unknown.join(', ')}; available: ${available.map((p) => p.name).join(', ') || 'none'}`);
  const chosen = names.length === 0 ? available : available.filter((p) => names.includes(p.name));

  const store = new PostgresEventStore({ connectionString: env['DATABASE_URL'], poolSize: 2 });
  const interactive = 'isTTY' in out && out.isTTY === true;
  try {
    for (const projection of chosen) {
      let last = 0;
      const result = await rebuildProjection(store.pool, store.wakeups, projection, {
        onProgress: (progress) => {
          const now = Date.now();
          if (interactive) out.write(`\r${progressLine(progress)}`);
          else if (now - last > 1_000 || progress.applied === progress.total) out.write(`${progressLine(progress)}\n`);
          last = now;
        },
      });
      out.write(`${interactive ? '\n' : ''}${projection.name}: rebuilt from ${result.applied} events in ${result.seconds.toFixed(2)} s\n`);
    }
    return 0;
  } finally {
    await store.close();
  }

  function fail(message: string): number {
    process.stderr.write(`${message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
