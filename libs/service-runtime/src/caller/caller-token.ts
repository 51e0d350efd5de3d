import { errors, jwtVerify, SignJWT } from 'jose';
import { ConfigurationError } from '@tenure/platform';
import { CALLER_ROLES, type CallerRole } from './caller';

/*
 * Caller tokens are how the gateway tells a service who is calling. The gateway verifies the person's
 * OpenID Connect access token (issuer, audience, signature, expiry), then signs a short-lived JWT with
 * HS256 and CALLER_TOKEN_SECRET, a secret only the gateway and the services hold: subject = the
 * caller's employee number, `roles` = the platform roles their identity provider gave them. A client
 * cannot make one, so it cannot claim to be someone else by setting a header. Tests that call a
 * service directly mint them with the same function.
 */
export const CALLER_TOKEN_ISSUER = 'tenure-gateway';
export const CALLER_TOKEN_AUDIENCE = 'tenure-services';
export const CALLER_TOKEN_MIN_SECRET_LENGTH = 32;
const ALGORITHM = 'HS256';

/** The outcome of checking a presented caller token: who it names, or why it is refused (never the token itself). */
export type CallerTokenCheck =
  | { readonly kind: 'person'; readonly employeeNumber: string; readonly roles: readonly CallerRole[] }
  | { readonly kind: 'refused'; readonly reason: string };

export interface MintCallerTokenOptions {
  /** How long the token is valid; default 8 hours (tests). The gateway mints tokens for a few minutes. */
  readonly hours?: number;
  /** When the token is issued; default now. */
  readonly now?: Date;
  /** Platform roles (administrator, auditor); default none: an employee, whose other rights come from the data. */
  readonly roles?: readonly CallerRole[];
}

/** Signs a caller token for `employeeNumber`. The secret must be at least 32 characters. */
export async function mintCallerToken(secret: string, employeeNumber: string, options: MintCallerTokenOptions = {}): Promise<string> {
  assertSecretLength(secret);
  const hours = options.hours ?? 8;
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError('a caller token must be valid for a positive number of hours');
  if (employeeNumber.trim() === '') throw new RangeError('a caller token needs an employee number');
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ roles: [...(options.roles ?? [])] })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(employeeNumber)
    .setIssuer(CALLER_TOKEN_ISSUER)
    .setAudience(CALLER_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.max(1, Math.round(hours * 3600)))
    .sign(secretKey(secret));
}

/**
 * CALLER_TOKEN_SECRET, or undefined when it is not set (caller tokens are then refused); a secret
 * shorter than 32 characters is a configuration error, so a guessable secret never goes live.
 */
export function callerTokenSecretFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env['CALLER_TOKEN_SECRET'];
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < CALLER_TOKEN_MIN_SECRET_LENGTH) {
    throw new ConfigurationError([`CALLER_TOKEN_SECRET: must be at least ${CALLER_TOKEN_MIN_SECRET_LENGTH} characters`]);
  }
  return secret;
}

/** Verifies caller tokens against CALLER_TOKEN_SECRET: HS256 only, issuer, audience, and an expiry that has not passed. */
export class CallerTokenVerifier {
  private readonly key: Uint8Array | undefined;

  constructor(
    secret: string | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (secret !== undefined) assertSecretLength(secret);
    this.key = secret === undefined ? undefined : secretKey(secret);
  }

  async verify(token: string): Promise<CallerTokenCheck> {
    if (!this.key) return refused('caller tokens are not accepted here: CALLER_TOKEN_SECRET is not configured');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: CALLER_TOKEN_ISSUER,
        audience: CALLER_TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.now(),
      });
      const employeeNumber = payload.sub?.trim();
      if (!employeeNumber) return refused('the caller token names no employee number (sub)');
      return { kind: 'person', employeeNumber, roles: rolesOf(payload['roles']) };
    } catch (error) {
      return refused(whyRefused(error));
    }
  }
}

/** Only roles this platform knows; anything else in the claim is ignored rather than trusted. */
function rolesOf(claim: unknown): CallerRole[] {
  if (!Array.isArray(claim)) return [];
  return CALLER_ROLES.filter((role) => claim.includes(role));
}

function whyRefused(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the caller token has expired; sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) return `the caller token's ${error.claim} claim is not valid here`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the caller token is not signed by this platform’s gateway';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the caller token must be signed with HS256';
  if (error instanceof errors.JOSEError) return 'the bearer token is neither an administrator token nor a well-formed caller token';
  throw error;
}

function refused(reason: string): CallerTokenCheck {
  return { kind: 'refused', reason };
}

function assertSecretLength(secret: string): void {
  if (secret.length < CALLER_TOKEN_MIN_SECRET_LENGTH) {
    throw new RangeError(`a caller token secret must be at least ${CALLER_TOKEN_MIN_SECRET_LENGTH} characters`);
  }
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
