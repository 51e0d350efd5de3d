import * as client from 'openid-client';
import { CliError, ExitCode } from '../exit-codes';
import { isNetworkError, rootMessage } from '../network-error';
import { displayUrl } from '../url';
import { readAccessTokenClaims } from './token-claims';

/** offline_access asks for a refresh token, so an expired access token is renewed without signing in again. */
const SCOPE = 'openid profile email offline_access';

/** What the person is shown to complete a device sign-in in a browser. */
export interface DevicePrompt {
  readonly verificationUri: string;
  readonly verificationUriComplete?: string;
  readonly userCode: string;
  readonly expiresInSeconds: number;
}

/** Tokens the provider issued, with who they are for. */
export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly expiresAt: Date;
  readonly employeeNumber: string;
  readonly name?: string;
}

/** The OpenID provider, through openid-client: discovery, the device authorization grant and refresh. */
export class OpenIdProvider {
  private constructor(
    private readonly configuration: client.Configuration,
    readonly issuer: URL,
  ) {}

  static async discover(issuer: URL, clientId: string): Promise<OpenIdProvider> {
    try {
      // Plain http is only accepted for loopback issuers (see settings), i.e. the development provider.
      const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
      const configuration = await client.discovery(issuer, clientId, undefined, client.None(), { execute });
      return new OpenIdProvider(configuration, issuer);
    } catch (error) {
      throw providerFailure(error, issuer, 'discovering the OpenID provider');
    }
  }

  /**
   * The device authorization grant (RFC 8628): `prompt` shows where to go and which code to enter, then the
   * provider is polled (at the interval it asks for) until the person confirms, refuses, or the code expires.
   */
  async signInOnDevice(prompt: (device: DevicePrompt) => void, now: () => Date, signal?: AbortSignal): Promise<IssuedTokens> {
    let device: client.DeviceAuthorizationResponse;
    try {
      device = await client.initiateDeviceAuthorization(this.configuration, { scope: SCOPE });
    } catch (error) {
      throw providerFailure(error, this.issuer, 'starting the device sign-in');
    }
    prompt({
      verificationUri: device.verification_uri,
      ...(device.verification_uri_complete ? { verificationUriComplete: device.verification_uri_complete } : {}),
      userCode: device.user_code,
      expiresInSeconds: device.expires_in,
    });
    try {
      const tokens = await client.pollDeviceAuthorizationGrant(this.configuration, device, undefined, signal ? { signal } : {});
      return issuedTokens(tokens, now());
    } catch (error) {
      throw providerFailure(error, this.issuer, 'waiting for the device sign-in');
    }
  }

  /** Asks the provider to forget a token (RFC 7009); best effort, for `tenure logout`. */
  async revoke(token: string, hint: 'refresh_token' | 'access_token'): Promise<void> {
    try {
      await client.tokenRevocation(this.configuration, token, { token_type_hint: hint });
    } catch (error) {
      throw providerFailure(error, this.issuer, 'revoking the token');
    }
  }

  /** New tokens from a refresh token; a refusal means the sign-in ended (expired, revoked, signed out). */
  async refresh(refreshToken: string, now: () => Date): Promise<IssuedTokens> {
    try {
      return issuedTokens(await client.refreshTokenGrant(this.configuration, refreshToken), now());
    } catch (error) {
      throw providerFailure(error, this.issuer, 'renewing the session');
    }
  }
}

function issuedTokens(tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, now: Date): IssuedTokens {
  const idClaims = tokens.claims();
  const accessClaims = readAccessTokenClaims(tokens.access_token);
  const employeeNumber = stringClaim(idClaims?.['employee_number']) ?? accessClaims?.employeeNumber;
  if (!employeeNumber) {
    throw new CliError(
      'The OpenID provider signed you in, but its tokens name no employee number (claim employee_number): Tenure cannot tell who you are',
      ExitCode.FAILURE,
    );
  }
  const name = stringClaim(idClaims?.['name']) ?? accessClaims?.name;
  const expiresIn = tokens.expiresIn();
  const expiresAt = expiresIn !== undefined ? new Date(now.getTime() + expiresIn * 1000) : (accessClaims?.expiresAt ?? now);
  return {
    accessToken: tokens.access_token,
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    expiresAt,
    employeeNumber,
    ...(name ? { name } : {}),
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const SIGN_IN_ENDED: Readonly<Record<string, string>> = {
  expired_token: 'the code expired before it was confirmed',
  access_denied: 'the sign-in was cancelled in the browser',
  invalid_grant: 'the provider no longer accepts this sign-in (expired, revoked or signed out)',
};

/** An openid-client failure as the person can act on it. */
function providerFailure(error: unknown, issuer: URL, doing: string): CliError {
  if (error instanceof CliError) return error;
  if (isNetworkError(error)) {
    return new CliError(
      `Cannot reach the OpenID provider at ${displayUrl(issuer)} while ${doing} (${rootMessage(error)}). Is the platform running? Set --issuer or TENURE_ISSUER`,
      ExitCode.UNREACHABLE,
      [],
      { cause: error },
    );
  }
  if (error instanceof client.ResponseBodyError) {
    const ended = SIGN_IN_ENDED[error.error];
    if (ended) return new CliError(`Not signed in: ${ended}. Run \`tenure login\``, ExitCode.NOT_SIGNED_IN, [], { cause: error });
    return new CliError(
      `The OpenID provider at ${displayUrl(issuer)} refused ${doing}: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`,
      ExitCode.FAILURE,
      [],
      { cause: error },
    );
  }
  return new CliError(`${capitalise(doing)} at ${displayUrl(issuer)} failed: ${rootMessage(error)}`, ExitCode.FAILURE, [], {
    cause: error,
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
