import { CLI_CLIENT_ID, CLI_REDIRECT_URI, DEV_IDENTITY_PROVIDER_DEFAULTS } from '../constants';
import { SignInRefusedError } from '../sign-in/sign-in-errors';
import type { SignInTokens, SignInWithPasswordOptions } from '../sign-in/sign-in-with-password';

export const SIGN_IN_USAGE =
  'usage: npm run sign-in -- <employeeNumber|email> [--password P] [--issuer URL]\n' +
  '  prints an access token for the Tenure API, e.g. curl -H "authorization: Bearer $(npm run -s sign-in -- 10010)" ...\n' +
  `  defaults: --password $IDP_DEMO_PASSWORD or ${DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword}, --issuer $OIDC_ISSUER or ${DEV_IDENTITY_PROVIDER_DEFAULTS.issuer}`;

export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export interface SignInCliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly signIn: (options: SignInWithPasswordOptions) => Promise<SignInTokens>;
}

type SignInArgs = { readonly username: string; readonly password?: string; readonly issuer?: string } | { readonly problem: string };

/**
 * `npm run sign-in -- <employeeNumber|email>`: signs in to the development provider as the `tenure-cli` client,
 * through its real login form, and prints only the access token on stdout. Exit 1 when refused or failing, 2 on bad usage.
 */
export async function runSignIn(argv: readonly string[], env: NodeJS.ProcessEnv, io: SignInCliIo): Promise<number> {
  const args = parseSignInArgs(argv);
  if ('problem' in args) {
    io.err(args.problem);
    io.err(SIGN_IN_USAGE);
    return EXIT_USAGE;
  }
  const issuer = args.issuer ?? env['OIDC_ISSUER'] ?? DEV_IDENTITY_PROVIDER_DEFAULTS.issuer;
  try {
    const tokens = await io.signIn({
      issuer,
      clientId: CLI_CLIENT_ID,
      redirectUri: CLI_REDIRECT_URI,
      username: args.username,
      password: args.password ?? env['IDP_DEMO_PASSWORD'] ?? DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword,
    });
    io.out(tokens.accessToken);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(error instanceof SignInRefusedError ? `sign-in refused: ${message}` : `sign-in failed at ${issuer}: ${message}`);
    return EXIT_REFUSED;
  }
}

export function parseSignInArgs(argv: readonly string[]): SignInArgs {
  let username: string | undefined;
  let password: string | undefined;
  let issuer: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--password' || arg === '--issuer') {
      const value = argv[++index];
      if (value === undefined || value === '') return { problem: `${arg} needs a value` };
      if (arg === '--password') password = value;
      else if (!URL.canParse(value)) return { problem: `--issuer ${value} is not a URL` };
      else issuer = value;
    } else if (arg === '--help' || arg === '-h') {
      return { problem: 'sign-in: get an access token from the development identity provider' };
    } else if (arg.startsWith('-')) {
      return { problem: `unknown option ${arg}` };
    } else if (username === undefined) {
      username = arg.trim();
    } else {
      return { problem: `one user only (got ${username} and ${arg})` };
    }
  }
  if (!username) return { problem: 'an employee number or email is needed' };
  return { username, ...(password === undefined ? {} : { password }), ...(issuer === undefined ? {} : { issuer }) };
}
