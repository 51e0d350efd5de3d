import { CliError, ExitCode } from '../exit-codes';
import { DEFAULT_API_URL, DEFAULT_ISSUER, platformUrl, type Settings } from '../settings';
import { displayUrl } from '../url';
import type { CredentialStore } from './credential-store';
import type { StoredCredentials } from './credentials';
import type { IssuedTokens, OpenIdProvider } from './oidc';
import { readAccessTokenClaims } from './token-claims';

/** Renew a little before the expiry, so a token does not expire on its way to the gateway. */
const EXPIRY_MARGIN_MS = 30_000;

/** Who calls the gateway, and with which token. */
export interface Caller {
  readonly token: string;
  readonly apiUrl: URL;
  /** `person`: a signed-in person's access token; `api-token`: an administrator API token, which names nobody. */
  readonly kind: 'person' | 'api-token';
  readonly source: 'TENURE_TOKEN' | 'stored';
  readonly employeeNumber?: string;
  readonly name?: string;
  readonly groups: readonly string[];
  readonly expiresAt?: Date;
}

export interface SessionDependencies {
  readonly settings: Settings;
  readonly store: CredentialStore;
  readonly now: () => Date;
  readonly connect: (issuer: URL, clientId: string) => Promise<OpenIdProvider>;
}

/** The gateway to talk to: --api / TENURE_API_URL, else the one signed in for, else the development default. */
export function gatewayUrl(settings: Settings, stored: StoredCredentials | undefined): URL {
  return settings.apiUrl ?? (stored ? platformUrl(stored.apiUrl, 'the stored sign-in') : new URL(DEFAULT_API_URL));
}

/** The provider to sign in at: --issuer / TENURE_ISSUER, else the development default. */
export function issuerUrl(settings: Settings): URL {
  return settings.issuer ?? new URL(DEFAULT_ISSUER);
}

/**
 * The caller for a command: TENURE_TOKEN when set (stored credentials are then ignored), else the stored sign-in,
 * renewed with its refresh token when the access token has expired.
 */
export async function currentCaller(deps: SessionDependencies): Promise<Caller> {
  const { settings } = deps;
  if (settings.token) return callerFromEnvironment(settings, deps.now());

  const stored = await deps.store.read();
  if (!stored) throw new CliError('Not signed in: run `tenure login` (or set TENURE_TOKEN)', ExitCode.NOT_SIGNED_IN);
  if (settings.issuer && displayUrl(settings.issuer) !== displayUrl(new URL(stored.issuer))) {
    throw new CliError(
      `You are signed in at ${displayUrl(new URL(stored.issuer))}, not at ${displayUrl(settings.issuer)}: run \`tenure login\``,
      ExitCode.NOT_SIGNED_IN,
    );
  }
  const fresh = await renewedIfExpired(stored, deps);
  return {
    token: fresh.accessToken,
    apiUrl: gatewayUrl(settings, fresh),
    kind: 'person',
    source: 'stored',
    employeeNumber: fresh.employeeNumber,
    ...(fresh.name ? { name: fresh.name } : {}),
    groups: readAccessTokenClaims(fresh.accessToken)?.groups ?? [],
    expiresAt: new Date(fresh.expiresAt),
  };
}

/** Credentials kept after a sign-in or a renewal. */
export function credentialsFrom(
  tokens: IssuedTokens,
  context: { issuer: URL; apiUrl: URL; clientId: string },
  signedInAt: Date,
): StoredCredentials {
  return {
    version: 1,
    issuer: displayUrl(context.issuer),
    apiUrl: displayUrl(context.apiUrl),
    clientId: context.clientId,
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    expiresAt: tokens.expiresAt.toISOString(),
    employeeNumber: tokens.employeeNumber,
    ...(tokens.name ? { name: tokens.name } : {}),
    signedInAt: signedInAt.toISOString(),
  };
}

function callerFromEnvironment(settings: Settings, now: Date): Caller {
  const token = settings.token!;
  const apiUrl = gatewayUrl(settings, undefined);
  const claims = readAccessTokenClaims(token);
  if (!claims) return { token, apiUrl, kind: 'api-token', source: 'TENURE_TOKEN', groups: [] };
  if (claims.expiresAt && claims.expiresAt.getTime() <= now.getTime()) {
    throw new CliError(
      `The access token in TENURE_TOKEN expired at ${claims.expiresAt.toISOString()}: get a new one, or unset TENURE_TOKEN and run \`tenure login\``,
      ExitCode.NOT_SIGNED_IN,
    );
  }
  return {
    token,
    apiUrl,
    kind: 'person',
    source: 'TENURE_TOKEN',
    ...(claims.employeeNumber ? { employeeNumber: claims.employeeNumber } : {}),
    ...(claims.name ? { name: claims.name } : {}),
    groups: claims.groups,
    ...(claims.expiresAt ? { expiresAt: claims.expiresAt } : {}),
  };
}

async function renewedIfExpired(stored: StoredCredentials, deps: SessionDependencies): Promise<StoredCredentials> {
  const now = deps.now();
  if (Date.parse(stored.expiresAt) - EXPIRY_MARGIN_MS > now.getTime()) return stored;
  if (!stored.refreshToken) {
    throw new CliError(`Your session expired at ${stored.expiresAt}: run \`tenure login\``, ExitCode.NOT_SIGNED_IN);
  }
  const issuer = new URL(stored.issuer);
  const provider = await deps.connect(issuer, stored.clientId);
  let tokens: IssuedTokens;
  try {
    tokens = await provider.refresh(stored.refreshToken, deps.now);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === ExitCode.NOT_SIGNED_IN) {
      // Another tenure process may have renewed first (the provider rotates refresh tokens): then use its tokens.
      const current = await deps.store.read();
      if (current && current.refreshToken !== stored.refreshToken && Date.parse(current.expiresAt) - EXPIRY_MARGIN_MS > now.getTime()) {
        return current;
      }
      // The refresh token is spent: forget it, so the next command says plainly that a sign-in is needed.
      if (current?.refreshToken === stored.refreshToken) await deps.store.delete();
      throw new CliError(`Your session expired and could not be renewed: run \`tenure login\``, ExitCode.NOT_SIGNED_IN, [], {
        cause: error,
      });
    }
    throw error;
  }
  const renewed = credentialsFrom(
    { ...tokens, refreshToken: tokens.refreshToken ?? stored.refreshToken },
    { issuer, apiUrl: new URL(stored.apiUrl), clientId: stored.clientId },
    new Date(stored.signedInAt),
  );
  await deps.store.write(renewed);
  return renewed;
}
