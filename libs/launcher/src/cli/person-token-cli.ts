import { mintPersonToken, PERSON_TOKEN_MIN_SECRET_LENGTH } from '@tenure/service-runtime';
import { DEMO_PERSON_TOKEN_SECRET } from '../platform-processes';

export const PERSON_TOKEN_USAGE =
  'usage: npm run person-token -- <employeeNumber> [--hours N]   (default 8 hours; signs with PERSON_TOKEN_SECRET)';

export interface PersonTokenIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly now?: Date;
}

type PersonTokenArgs = { readonly employeeNumber: string; readonly hours: number } | { readonly problem: string };

/**
 * `npm run person-token -- <employeeNumber> [--hours N]`: prints a person token (and only it, on
 * stdout, so `$(npm run -s person-token -- E1001)` works) for calling the services as that person.
 * Interim, until sign-in through OIDC at the gateway (issue 7). Signs with PERSON_TOKEN_SECRET, or in
 * development (the launcher's default NODE_ENV) with the demo secret `npm start` gives the services.
 */
export async function runPersonToken(argv: readonly string[], env: NodeJS.ProcessEnv, io: PersonTokenIo): Promise<number> {
  const args = parsePersonTokenArgs(argv);
  if ('problem' in args) {
    io.err(args.problem);
    io.err(PERSON_TOKEN_USAGE);
    return 1;
  }
  const secret = secretFrom(env);
  if ('problem' in secret) {
    io.err(secret.problem);
    return 1;
  }
  if (secret.demo) io.err('signed with the development demo secret (PERSON_TOKEN_SECRET is not set)');
  io.out(await mintPersonToken(secret.value, args.employeeNumber, { hours: args.hours, ...(io.now ? { now: io.now } : {}) }));
  return 0;
}

function secretFrom(env: NodeJS.ProcessEnv): { readonly value: string; readonly demo: boolean } | { readonly problem: string } {
  const configured = env['PERSON_TOKEN_SECRET'];
  if (configured) {
    if (configured.length < PERSON_TOKEN_MIN_SECRET_LENGTH) {
      return { problem: `PERSON_TOKEN_SECRET must be at least ${PERSON_TOKEN_MIN_SECRET_LENGTH} characters` };
    }
    return { value: configured, demo: false };
  }
  const nodeEnv = env['NODE_ENV'] || 'development';
  if (nodeEnv !== 'development') return { problem: `PERSON_TOKEN_SECRET is not set (NODE_ENV ${nodeEnv} has no demo secret)` };
  return { value: DEMO_PERSON_TOKEN_SECRET, demo: true };
}

export function parsePersonTokenArgs(argv: readonly string[]): PersonTokenArgs {
  let employeeNumber: string | undefined;
  let hours = 8;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--hours') {
      const value = Number(argv[++index]);
      if (!Number.isFinite(value) || value <= 0) return { problem: '--hours needs a positive number' };
      hours = value;
    } else if (arg.startsWith('-')) {
      return { problem: `unknown option ${arg}` };
    } else if (employeeNumber === undefined) {
      employeeNumber = arg.trim();
    } else {
      return { problem: `one employee number only (got ${employeeNumber} and ${arg})` };
    }
  }
  if (!employeeNumber) return { problem: 'an employee number is needed' };
  return { employeeNumber, hours };
}
