import { GatewayClient } from '../api/gateway-client';
import { TenureApi } from '../api/tenure-api';
import type { CredentialStore } from '../auth/credential-store';
import type { OpenIdProvider } from '../auth/oidc';
import { type Caller, currentCaller } from '../auth/session';
import { CliError, ExitCode } from '../exit-codes';
import type { Reporter } from '../output/reporter';
import type { Settings } from '../settings';

/** What every command gets: where to write, the settings, the credentials, the clock, and the way to the platform. */
export interface CommandContext {
  readonly reporter: Reporter;
  readonly settings: Settings;
  readonly store: CredentialStore;
  readonly now: () => Date;
  readonly connect: (issuer: URL, clientId: string) => Promise<OpenIdProvider>;
}

/** The caller and the API with their token. */
export async function signedIn(context: CommandContext): Promise<{ caller: Caller; api: TenureApi }> {
  const caller = await currentCaller(context);
  const whenTokenRefused =
    caller.source === 'TENURE_TOKEN'
      ? 'check TENURE_TOKEN (an access token from the provider, or an administrator API token)'
      : 'your session ended, run `tenure login`';
  return { caller, api: new TenureApi(new GatewayClient({ apiUrl: caller.apiUrl, token: caller.token, whenTokenRefused })) };
}

/** The employee number of a person's token; an administrator API token names nobody, so `command` cannot be run with it. */
export function personOf(caller: Caller, command: string): string {
  if (caller.employeeNumber) return caller.employeeNumber;
  const why =
    caller.kind === 'api-token'
      ? 'TENURE_TOKEN holds an administrator API token, which names no person'
      : 'the access token carries no employee_number claim';
  throw new CliError(
    `\`tenure ${command}\` is about you (your access, requests or notifications), but ${why}: sign in as a person`,
    ExitCode.USAGE,
  );
}
