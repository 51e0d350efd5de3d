/**
 * Verifies the event log's hash chains and checkpoints (docs/architecture.md, "Tamper evidence"):
 *   DATABASE_URL=... node libs/event-store-postgres/dist/cli/audit-verify-main.js [--json] [--against <file>]
 *     [--checkpoint] [--export-checkpoint <file>]
 * --checkpoint seals the log in a new checkpoint, only when verification passed. --export-checkpoint
 * writes the latest checkpoint to a file to keep outside Tenure; --against verifies against such a file.
 * Exit code: 0 intact, 1 tampering found, 2 usage or setup error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import {
  createHashCheckpoint,
  exportLatestCheckpoint,
  parseExportedCheckpoint,
  type HashCheckpoint,
} from '../tamper-evidence/hash-checkpoints';
import type { VerificationReport } from '../tamper-evidence/report';
import { verifyEventLog } from '../tamper-evidence/verify-event-log';
import { commandDatabaseUrl, NO_DATABASE } from './database-url';

interface Arguments {
  readonly json: boolean;
  readonly checkpoint: boolean;
  readonly exportTo?: string;
  readonly against?: string;
}

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') return fail(parsed);
  const databaseUrl = await commandDatabaseUrl(env);
  if (!databaseUrl) return fail(NO_DATABASE);

  let against;
  if (parsed.against) {
    try {
      against = parseExportedCheckpoint(JSON.parse(readFileSync(parsed.against, 'utf8')));
    } catch (error) {
      return fail(`cannot use ${parsed.against}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const pool = new Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined);
  try {
    const { rows } = await pool.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'tenure_events' AND column_name = 'hash' AND table_schema = current_schema()",
    );
    if (rows.length === 0) return fail('tenure_events has no hash column: start a service once (it applies migration 3) and run again');

    const report = await verifyEventLog(pool, { against });
    let created: HashCheckpoint | undefined;
    if (parsed.checkpoint && report.intact) created = await createHashCheckpoint(pool);
    let exported: string | undefined;
    if (parsed.exportTo) {
      const client = await pool.connect();
      try {
        const checkpoint = await exportLatestCheckpoint(client);
        if (!checkpoint) return fail('there is no checkpoint to export yet: run with --checkpoint first');
        writeFileSync(parsed.exportTo, `${JSON.stringify(checkpoint, null, 2)}\n`);
        exported = parsed.exportTo;
      } finally {
        client.release();
      }
    }
    if (parsed.json) out.write(`${JSON.stringify({ ...report, createdCheckpoint: created ?? null, exportedTo: exported ?? null })}\n`);
    else printReport(out, report, created, exported, parsed.checkpoint);
    return report.intact ? 0 : 1;
  } finally {
    await pool.end();
  }

  function fail(message: string): number {
    err.write(`${message}\n`);
    return 2;
  }
}

function parseArguments(argv: readonly string[]): Arguments | string {
  let json = false;
  let checkpoint = false;
  let exportTo: string | undefined;
  let against: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--checkpoint') checkpoint = true;
    else if (arg === '--export-checkpoint' || arg === '--against') {
      const file = argv[++i];
      if (!file || file.startsWith('--')) return `${arg} needs a file name`;
      if (arg === '--against') against = file;
      else exportTo = file;
    } else return `unknown argument "${arg}"; usage: audit-verify [--json] [--against <file>] [--checkpoint] [--export-checkpoint <file>]`;
  }
  return { json, checkpoint, exportTo, against };
}

function printReport(
  out: NodeJS.WritableStream,
  report: VerificationReport,
  created: HashCheckpoint | undefined,
  exported: string | undefined,
  wantedCheckpoint: boolean,
): void {
  for (const finding of report.findings) out.write(`${finding.kind.padEnd(9)} ${finding.detail}\n`);
  if (report.findingsOmitted > 0) out.write(`... and ${report.findingsOmitted} more findings\n`);
  for (const problem of report.checkpoint?.problems ?? []) out.write(`CHECKPOINT ${problem}\n`);
  const checkpoint = report.checkpoint
    ? `checkpoint ${report.checkpoint.id} (${report.checkpoint.source}, ${report.checkpoint.streams} streams) ${report.checkpoint.intact ? 'matches' : 'does NOT match'}`
    : 'no checkpoint yet';
  out.write(
    `${report.intact ? 'INTACT' : 'TAMPERED'}: ${report.events} events in ${report.streams} streams verified in ${report.seconds.toFixed(2)} s ` +
      `(${report.eventsPerSecond} events/s), ${report.findings.length + report.findingsOmitted} findings; ${checkpoint}\n`,
  );
  if (created)
    out.write(
      `checkpoint ${created.id} created at position ${created.position.commit}/${created.position.prepare}: root ${created.root}\n`,
    );
  else if (wantedCheckpoint) out.write('no checkpoint created: the log did not verify\n');
  if (exported) out.write(`latest checkpoint exported to ${exported}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
