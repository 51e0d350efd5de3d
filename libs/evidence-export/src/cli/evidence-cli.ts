import { EVIDENCE_KINDS } from '../kinds';
import { exportEvidence } from '../export-evidence';
import { EvidenceSourceError } from '../gateway-client';
import { verifyExport } from '../manifest';

export const USAGE = [
  'usage: npm run evidence -- export <kind...|all> --out <directory> [--from <ISO time>] [--to <ISO time>] [--gateway <graphql url>]   (token in TENURE_TOKEN)',
  '       npm run evidence -- verify <directory>',
  `kinds: ${EVIDENCE_KINDS.map((kind) => kind.name).join(', ')}`,
].join('\n');

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly now: () => Date;
}

/** Exit codes: 0 done (or the export is intact), 1 refused or altered, 2 bad usage. */
export async function runEvidenceCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'verify' && rest.length === 1) return verify(rest[0]!, io);
  if (command !== 'export') return usage(io, command ? `unknown command "${command}"` : 'no command');
  const out = valueOf(rest, '--out');
  const graphqlUrl = valueOf(rest, '--gateway') ?? 'http://localhost:4000/graphql';
  const names = rest.filter((arg, index) => !arg.startsWith('--') && !rest[index - 1]?.startsWith('--'));
  if (!out) return usage(io, 'export needs --out <directory>');
  if (names.length === 0) return usage(io, 'name the kinds to export, or all');
  const unknown = names.filter((name) => name !== 'all' && !EVIDENCE_KINDS.some((kind) => kind.name === name));
  if (unknown.length > 0) return usage(io, `unknown kind ${unknown.map((name) => `"${name}"`).join(', ')}`);
  const from = valueOf(rest, '--from');
  const to = valueOf(rest, '--to');
  const period = { from: new Date(from ?? 0), to: to ? new Date(to) : io.now() };
  if (Number.isNaN(period.from.getTime()) || Number.isNaN(period.to.getTime())) return usage(io, '--from and --to must be ISO times');
  const token = env['TENURE_TOKEN'];
  if (!token) return usage(io, 'set TENURE_TOKEN to an auditor’s access token (npm run -s sign-in -- 10040 in development)');
  const kinds = names.includes('all') ? EVIDENCE_KINDS : EVIDENCE_KINDS.filter((kind) => names.includes(kind.name));
  try {
    const manifest = await exportEvidence({ graphqlUrl, token, kinds, directory: out, now: io.now(), period });
    for (const file of manifest.files) io.out(`${file.name}: ${file.rows} rows, sha256 ${file.sha256}`);
    io.out(`manifest: ${out}/manifest.json`);
    return 0;
  } catch (error) {
    if (!(error instanceof EvidenceSourceError)) throw error;
    io.err(`evidence export refused: ${error.message}`);
    return 1;
  }
}

function verify(directory: string, io: CliIo): number {
  const problems = verifyExport(directory);
  for (const problem of problems) io.err(`${problem.file}: ${problem.problem}: ${problem.detail}`);
  if (problems.length === 0) io.out(`${directory}: every file matches the manifest`);
  return problems.length === 0 ? 0 : 1;
}

function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

function usage(io: CliIo, problem: string): number {
  io.err(problem);
  io.err(USAGE);
  return 2;
}
