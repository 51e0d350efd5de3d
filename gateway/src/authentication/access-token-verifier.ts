import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { CallerRole } from '@tenure/service-runtime';

/** How the gateway trusts the organisation's OpenID provider (Okta, Entra ID, Keycloak, Google, or Tenure's development provider). */
export interface OidcSettings {
  readonly issuer: string;
  /** The `aud` access tokens must carry: the API Tenure is registered as at the provider. */
  readonly audience: string;
  /** Where the provider publishes its signing keys; discovered from the issuer when absent. */
  readonly jwksUri: string | undefined;
  /** The claim that holds the person's HR employee number (`sub` when the provider uses it). */
  readonly employeeNumberClaim: string;
  /** The claim that lists the person's groups, and which groups make an administrator or an auditor. */
  readonly groupsClaim: string;
  readonly administratorGroups: readonly string[];
  readonly auditorGroups: readonly string[];
}

/** Asymmetric algorithms only: a token signed with a shared secret (HS256) is never an identity provider's. */
const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export type AccessTokenCheck =
  | { readonly kind: 'person'; readonly employeeNumber: string; readonly roles: readonly CallerRole[]; readonly expiresAt: Date }
  | { readonly kind: 'refused'; readonly reason: string };

/** The provider could not be asked for its keys: nobody can be verified, which is the gateway's problem, not the client's. */
export class IdentityProviderUnavailable extends Error {}

/**
 * Verifies access tokens from the OpenID provider: signature with the provider's published keys
 * (fetched and cached by jose, refetched when a new key id appears), issuer, audience, expiry and
 * not-before. Reasons name the failed check, never the token.
 */
export class AccessTokenVerifier {
  private keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(token: string): Promise<AccessTokenCheck> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.signingKeys(), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp'],
        currentDate: this.now(),
      }));
    } catch (error) {
      return { kind: 'refused', reason: whyRefused(error) };
    }
    const employeeNumber = payload[this.settings.employeeNumberClaim];
    if (typeof employeeNumber !== 'string' || employeeNumber.trim() === '') {
      return { kind: 'refused', reason: `the access token has no ${this.settings.employeeNumberClaim} claim naming an employee number` };
    }
    return {
      kind: 'person',
      employeeNumber: employeeNumber.trim(),
      roles: this.rolesOf(payload),
      expiresAt: new Date(payload.exp! * 1000),
    };
  }

  private rolesOf(payload: JWTPayload): CallerRole[] {
    const claim = payload[this.settings.groupsClaim];
    const groups = Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
    const roles: CallerRole[] = [];
    if (groups.some((group) => this.settings.administratorGroups.includes(group))) roles.push('administrator');
    if (groups.some((group) => this.settings.auditorGroups.includes(group))) roles.push('auditor');
    return roles;
  }

  private async signingKeys(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (!this.keys) this.keys = createRemoteJWKSet(new URL(this.settings.jwksUri ?? (await discoverJwksUri(this.settings.issuer))));
    return this.keys;
  }
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const discovery = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  try {
    const response = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error('the discovery document has no jwks_uri');
    return jwksUri;
  } catch (error) {
    throw new IdentityProviderUnavailable(
      `the identity provider's discovery document ${discovery} could not be read: ${(error as Error).message}`,
    );
  }
}

function whyRefused(error: unknown): string {
  if (error instanceof IdentityProviderUnavailable) throw error;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    throw new IdentityProviderUnavailable(`the identity provider's signing keys could not be fetched: ${error.message}`);
  }
  if (error instanceof errors.JWTExpired) return 'the access token has expired; sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) return `the access token's ${error.claim} claim is not valid here`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'the access token is not signed by the identity provider';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the access token is signed with an algorithm this gateway does not accept';
  if (error instanceof errors.JOSEError) return 'the bearer token is not a well-formed access token';
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    throw new IdentityProviderUnavailable(`the identity provider's signing keys could not be fetched: ${error.message}`);
  }
  throw error;
}
