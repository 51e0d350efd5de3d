/** What `npm run connector:load -- ...` was asked to do. */
export type ConnectorLoadRequest =
  | {
      readonly mode: 'load';
      readonly file: string;
      /** Do nothing when an application is registered already (demo seeding: restarts load nothing again). */
      readonly ifEmpty: boolean;
      /** Prepare the demo ERP database first and hand its address and password to the file (see demo-erp-database.ts). */
      readonly demo: boolean;
      /** One summary line instead of the full report (the launcher prints it). */
      readonly oneLine: boolean;
    }
  | { readonly mode: 'usage'; readonly problem: string | null };

export const USAGE = `usage:
  npm run connector:load -- <file.json> [--if-empty] [--demo] [--one-line]
    registers every application of the file (or brings a registered one in line with it), discovers each one's
    entitlement catalog from its target and applies the file's annotations
    --if-empty   does nothing when an application is already registered
    --demo       first creates (or repairs) the demo ERP database in the same PostgreSQL, with its own login role,
                 and sets TENURE_DEMO_ERP_HOST, _PORT and _PASSWORD for the file (the password is kept in
                 <TENURE_DATA_DIR or .tenure>/demo-erp-credentials.json, mode 0600)
    --one-line   prints one summary line
  secrets never go in the file: a credential names the environment variable that holds it, {"env": "NAME"};
  they are sealed with CONNECTOR_CREDENTIALS_KEY (default: the key npm start generated in .tenure/connector-credentials.json)
exit codes: 0 loaded, or skipped; 1 refused file (each problem names the application and the field) or usage error;
            2 a target did not answer, or the demo ERP database could not be prepared (each is named; when the check
              made before loading finds it, nothing was recorded)`;

const FLAGS: ReadonlySet<string> = new Set(['--if-empty', '--demo', '--one-line']);

export function parseConnectorLoadArgs(argv: readonly string[]): ConnectorLoadRequest {
  const flags = new Set<string>();
  const positional: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { mode: 'usage', problem: null };
    if (FLAGS.has(arg)) flags.add(arg);
    else if (arg.startsWith('--')) return { mode: 'usage', problem: `unknown option ${arg}` };
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    return {
      mode: 'usage',
      problem: positional.length === 0 ? 'no applications file given' : `one applications file at a time (got ${positional.join(' ')})`,
    };
  }
  return {
    mode: 'load',
    file: positional[0]!,
    ifEmpty: flags.has('--if-empty'),
    demo: flags.has('--demo'),
    oneLine: flags.has('--one-line'),
  };
}
