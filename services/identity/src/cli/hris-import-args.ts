import type { HrRecordValue } from '../hr-imports';

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
  /** `values`: the columns to change; the others keep the rejected row's raw values. */
  | { readonly mode: 'correct'; readonly runId: string; readonly line: number; readonly values: readonly HrRecordValue[] }
  | { readonly mode: 'usage'; readonly problem: string | null };

export const USAGE = `usage:
  npm run hris:import -- <file.csv> [--complete]     import an HR extract (--complete: people missing from it leave)
  npm run hris:import -- --confirm <runId>           apply a held change set
  npm run hris:import -- --discard <runId> [--reason <text>]   drop a held change set
  npm run hris:import -- --correct <runId> --line <n> [--set column=value ...]
                                                     correct the rejected row at line <n> of a run and apply it;
                                                     columns not set keep the row's values (no --set: resubmit as is)
exit codes: 0 applied (rejected rows are printed) or record corrected, 2 held for confirmation,
            1 refused file, refused correction (still invalid, already corrected, refused by the identity) or usage error`;

const DEFAULT_DISCARD_REASON = 'discarded from the command line';
const WITH_VALUE: ReadonlySet<string> = new Set(['--confirm', '--discard', '--reason', '--correct', '--line', '--set']);

export function parseHrisImportArgs(argv: readonly string[]): HrisImportRequest {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const sets: string[] = [];
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return { mode: 'usage', problem: null };
    if (WITH_VALUE.has(arg)) {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return { mode: 'usage', problem: `${arg} needs a value` };
      if (arg === '--set') sets.push(value);
      else values.set(arg, value);
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
  const correct = values.get('--correct');
  const runModes = [confirm, discard, correct].filter((runId) => runId !== undefined);
  if (runModes.length > 1) return { mode: 'usage', problem: 'give one of --confirm, --discard or --correct, not several' };
  if (runModes.length === 1 && positional.length > 0) {
    return { mode: 'usage', problem: `--confirm, --discard and --correct take no file (got ${positional.join(' ')})` };
  }
  if (correct === undefined && (values.has('--line') || sets.length > 0)) {
    return { mode: 'usage', problem: '--line and --set go with --correct' };
  }
  if (discard === undefined && values.has('--reason')) return { mode: 'usage', problem: '--reason goes with --discard' };
  if (confirm !== undefined) return { mode: 'confirm', runId: confirm };
  if (discard !== undefined) return { mode: 'discard', runId: discard, reason: values.get('--reason') ?? DEFAULT_DISCARD_REASON };
  if (correct !== undefined) return parseCorrection(correct, values.get('--line'), sets);
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

function parseCorrection(runId: string, line: string | undefined, sets: readonly string[]): HrisImportRequest {
  if (line === undefined) return { mode: 'usage', problem: '--correct needs --line <n>: the line of the rejected row' };
  if (!/^[1-9]\d*$/.test(line)) return { mode: 'usage', problem: `--line "${line}" is not a line number` };
  const values: HrRecordValue[] = [];
  for (const set of sets) {
    const equals = set.indexOf('=');
    // Split at the first "=": a value may hold one; an empty value clears an optional column.
    if (equals <= 0) return { mode: 'usage', problem: `--set "${set}" is not column=value` };
    values.push({ column: set.slice(0, equals).trim(), value: set.slice(equals + 1) });
  }
  return { mode: 'correct', runId, line: Number(line), values };
}
