/** What `npm run policy:load -- ...` was asked to do. */
export type PolicyLoadRequest =
  | {
      readonly mode: 'load';
      readonly file: string;
      /** Publish the draft as the next version once it is replaced. */
      readonly publish: boolean;
      /** The published version's note; default names the file. */
      readonly note: string | null;
      /** Do nothing when a version is published already (demo seeding: restarts load nothing again). */
      readonly ifEmpty: boolean;
      /** One summary line instead of the full report (the launcher prints it). */
      readonly oneLine: boolean;
    }
  | { readonly mode: 'usage'; readonly problem: string | null };

export const USAGE = `usage:
  npm run policy:load -- <file.json> [--publish] [--note "..."] [--if-empty] [--one-line]
    replaces the policy draft with the document (roles, birthrightRules, sodRules, accessPolicies, approverGroups)
    --publish    then publishes the draft as the next version (--note: the version's note)
    --if-empty   does nothing when a version is already published
    --one-line   prints one summary line
exit codes: 0 loaded (and published), or skipped; 1 refused document (each problem names the rule and field) or usage error`;

const FLAGS: ReadonlySet<string> = new Set(['--publish', '--if-empty', '--one-line']);

export function parsePolicyLoadArgs(argv: readonly string[]): PolicyLoadRequest {
  const flags = new Set<string>();
  const positional: string[] = [];
  let note: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return { mode: 'usage', problem: null };
    if (arg === '--note') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return { mode: 'usage', problem: '--note needs a value' };
      note = value;
      index++;
    } else if (FLAGS.has(arg)) {
      flags.add(arg);
    } else if (arg.startsWith('--')) {
      return { mode: 'usage', problem: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    return {
      mode: 'usage',
      problem: positional.length === 0 ? 'no policy file given' : `one policy file at a time (got ${positional.join(' ')})`,
    };
  }
  if (note !== null && !flags.has('--publish')) return { mode: 'usage', problem: '--note goes with --publish' };
  return {
    mode: 'load',
    file: positional[0]!,
    publish: flags.has('--publish'),
    note,
    ifEmpty: flags.has('--if-empty'),
    oneLine: flags.has('--one-line'),
  };
}
