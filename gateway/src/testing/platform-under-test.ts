import { CLI_CLIENT_ID, CLI_REDIRECT_URI, DEV_IDENTITY_PROVIDER_DEFAULTS, signInWithPassword } from '@tenure/dev-identity-provider/testing';
import { LaunchedPlatform, PLATFORM_ADMIN_TOKEN, waitFor } from '@tenure/testing';

export const ADMIN_TOKEN = PLATFORM_ADMIN_TOKEN;

/** The launched platform, plus people signed in at its development OpenID provider. */
export class PlatformUnderTest extends LaunchedPlatform {
  private readonly accessTokens = new Map<string, Promise<string>>();

  /**
   * A demo person's access token, from a real sign-in at the development OpenID provider (authorization
   * code with PKCE, the login form with the documented demo password), kept for the rest of the run.
   */
  signIn(employeeNumber: string): Promise<string> {
    let token = this.accessTokens.get(employeeNumber);
    if (!token) {
      token = signInWithPassword({
        issuer: this.issuer,
        clientId: CLI_CLIENT_ID,
        redirectUri: CLI_REDIRECT_URI,
        username: employeeNumber,
        password: DEV_IDENTITY_PROVIDER_DEFAULTS.demoPassword,
      }).then((tokens) => tokens.accessToken);
      this.accessTokens.set(employeeNumber, token);
    }
    return token;
  }
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`; every 250 ms, since the platform is a whole. */
export function eventually<Value>(probe: () => Promise<Value | undefined>, what: string, timeoutMs = 30_000): Promise<Value> {
  return waitFor(what, probe, timeoutMs, 250);
}
