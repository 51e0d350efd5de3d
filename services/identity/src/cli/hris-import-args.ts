/** What `npm run hris:import -- ...` was asked to do. */
export type HrisImportRequest =
  | {
      readonly mode: 'import';
      readonly file: string;
      readonly complete: boolean;
      /** Import only when the directory is empty (demo seeding: restarts do not import again). */
      readonly ifEmpty: boolean;
      /** One summary line instead of the full report (the launcher prints it). */
      readonly oneLine: boolean;
      readonly channel: 'cli' | 'demo';
    }
  | { readonly mode: 'confirm'; readonly runId: string }
  | { readonly mode: 'discard'; readonly runId: string; readonly reason: string }
  | { readonly mode: 'usage'; readonly problem: string | null };

export const USAGE = `usage:
  npm run hris:import -- <file.csv> [--complete]     import an HR extract (--complete: people missing from it leave)
  npm run hris:import -- --confirm <runId>           apply a held change set
  npm run hris:import -- --discard <runId> [--reason <text>]   drop a held change set
exit codes: 0 applied (rejected rows are printed), 2 held for confirmation, 1 refused file or usage error`;

const DEFAULT_DISCARD_REASON = 'discarded from the command line';

export function parseHrisImportArgs(argv: readonly string[]): HrisImportRequest {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return { mode: 'usage', problem: null };
    if (arg === '--confirm' || arg === '--discard' || arg === '--reason') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return { mode: 'usage', problem: `${arg} needs a value` };
      values.set(arg, value);
      index++;
    } else if (arg === '--complete' || arg === '--if-empty' || arg === '--one-line' || arg === '--demo') {
      flags.add(arg);
    } else if (arg.startsWith('--')) {
      return { mode: 'usage', problem: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }

  const confirm = values.get('--confirm');
  const discard = values.get('--discard');
  if (confirm !== undefined || discard !== undefined) {
    if (confirm !== undefined && discard !== undefined) return { mode: 'usage', problem: 'give either --confirm or --discard, not both' };
    if (positional.length > 0) return { mode: 'usage', problem: `--confirm and --discard take no file (got ${positional.join(' ')})` };
    if (confirm !== undefined) return { mode: 'confirm', runId: confirm };
    return { mode: 'discard', runId: discard!, reason: values.get('--reason') ?? DEFAULT_DISCARD_REASON };
  }
  if (values.has('--reason')) return { mode: 'usage', problem: '--reason goes with --discard' };
  if (positional.length !== 1) {
    return {
      mode: 'usage',
      problem: positional.length === 0 ? 'no CSV file given' : `one CSV file at a time (got ${positional.join(' ')})`,
    };
  }
  return {
    mode: 'import',
    file: positional[0]!,
    complete: flags.has('--complete'),
    ifEmpty: flags.has('--if-empty'),
    oneLine: flags.has('--one-line'),
    channel: flags.has('--demo') ? 'demo' : 'cli',
  };
}
