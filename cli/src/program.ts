import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CredentialStore } from './auth/credential-store';
import { OpenIdProvider } from './auth/oidc';
import { access } from './commands/access';
import { catalogSearch } from './commands/catalog';
import type { CommandContext } from './commands/context';
import { decide } from './commands/decide';
import { login } from './commands/login';
import { logout } from './commands/logout';
import { notifications, setNotification } from './commands/notifications';
import { request } from './commands/request';
import { approvals, requests } from './commands/requests';
import { whoami } from './commands/whoami';
import { ExitCode } from './exit-codes';
import { Reporter, type Terminal } from './output/reporter';
import { type GlobalOptions, DEFAULT_API_URL, DEFAULT_ISSUER, resolveSettings } from './settings';

export interface CliDependencies {
  readonly env: NodeJS.ProcessEnv;
  readonly terminal: Terminal;
  readonly now: () => Date;
  readonly version: string;
}

type Handler = (context: CommandContext, ...args: never[]) => Promise<void>;

const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  failed (an unexpected error; a request not confirmed)
  2  usage: unknown command or option, bad duration, entitlement or notification kind
  3  not signed in, or the session expired: run \`tenure login\`
  4  refused by the policy, or not allowed
  5  not found: unknown entitlement, request or person
  6  cannot reach the gateway or the OpenID provider

Environment: TENURE_API_URL, TENURE_ISSUER, TENURE_TOKEN (skips the stored sign-in), TENURE_CONFIG_DIR.`;

/** Runs one command line; resolves with the exit code (ExitCode). */
export async function runCli(argv: readonly string[], deps: CliDependencies): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const program = buildProgram(deps, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    throw error;
  }
  return exitCode;
}

function buildProgram(deps: CliDependencies, exitWith: (code: number) => void): Command {
  const run =
    (handler: Handler) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      const reporter = new Reporter(deps.terminal, globals.json === true);
      try {
        const settings = resolveSettings(globals, deps.env);
        const context: CommandContext = {
          reporter,
          settings,
          store: new CredentialStore(settings.configDirectory),
          now: deps.now,
          connect: (issuer, clientId) => OpenIdProvider.discover(issuer, clientId),
        };
        await handler(context, ...(args.slice(0, -1) as never[]));
      } catch (error) {
        exitWith(reporter.failure(error));
      }
    };

  const program = new Command('tenure')
    .description('Request, approve and look up access in Tenure from a terminal.')
    .version(deps.version)
    .option('--api <url>', `the Tenure gateway (env TENURE_API_URL; default: the one signed in for, else ${DEFAULT_API_URL})`)
    .option('--issuer <url>', `the OpenID provider (env TENURE_ISSUER; default ${DEFAULT_ISSUER})`)
    .option('--json', 'machine-readable output on stdout (one JSON document), for scripts')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => deps.terminal.writeOut(text), writeErr: (text) => deps.terminal.writeErr(text) });

  program.command('login').description('sign in with the device flow: open the URL shown and enter the code').action(run(login));
  program.command('logout').description('forget the stored sign-in').action(run(logout));
  program.command('whoami').description('who you are signed in as').action(run(whoami));
  program.command('access').description('your access and when it ends').option('--all', 'also access that ended').action(run(access));
  program
    .command('request')
    .description('ask for time-bound access: shows the policy decision, then submits')
    .argument('<entitlement>', 'application/entitlement, e.g. aws-production/viewer')
    .requiredOption('--for <duration>', 'how long, e.g. 30m, 4h, 2d')
    .requiredOption('--reason <text>', 'why you need it (approvers read it)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--dry-run', 'show the policy decision only, request nothing')
    .action(run(request));
  program.command('requests').description('your access requests, newest first').action(run(requests));
  program.command('approvals').description('requests waiting for your approval').action(run(approvals));
  for (const decision of ['approve', 'deny'] as const) {
    program
      .command(decision)
      .description(decision === 'approve' ? 'approve a request waiting for you' : 'deny a request waiting for you (a comment is required)')
      .argument('<id>', 'the request id (see `tenure approvals`)')
      .option('--comment <text>', decision === 'approve' ? 'a comment for the requester' : 'why (required)')
      .action(run((context, id: string, options: { comment?: string }) => decide(context, decision, id, options)));
  }
  const catalog = program.command('catalog').description('the entitlement catalog');
  catalog
    .command('search')
    .description('entitlements whose key, name or description contains the text')
    .argument('<text>', 'what to look for')
    .addOption(new Option('--limit <n>', 'at most this many (1 to 500)').default(50).argParser(limit))
    .action(run(catalogSearch));

  const notificationSettings = program
    .command('notifications')
    .description('your notification preferences: what Tenure tells you about, by email and in Slack')
    .action(run(notifications));
  notificationSettings
    .command('set')
    .description('turn one kind of notification on or off on one channel')
    .argument('<kind>', 'the kind, e.g. request-decided (`tenure notifications` lists them)')
    .argument('<channel>', 'email or slack')
    .argument('<state>', 'on or off')
    .action(run(setNotification));

  for (const command of [program, ...program.commands, ...catalog.commands, ...notificationSettings.commands]) {
    command
      .exitOverride()
      .configureOutput({ writeOut: (text) => deps.terminal.writeOut(text), writeErr: (text) => deps.terminal.writeErr(text) });
  }
  return program;
}

function limit(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 500) throw new InvalidArgumentError('a whole number from 1 to 500');
  return parsed;
}
