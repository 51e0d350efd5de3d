import { errors, jwtVerify, SignJWT } from 'jose';
import { ConfigurationError } from '@tenure/platform';

/*
 * Person tokens are the interim way a person calls a service (helpers, tests, the demo) until sign-in
 * through OpenID Connect at the gateway (issue 7) replaces them: a JWT signed with HS256 and the
 * shared secret PERSON_TOKEN_SECRET, whose subject is the caller's employee number.
 */
export const PERSON_TOKEN_ISSUER = 'tenure-person-token';
export const PERSON_TOKEN_AUDIENCE = 'tenure';
export const PERSON_TOKEN_MIN_SECRET_LENGTH = 32;
const ALGORITHM = 'HS256';

/** The outcome of checking a presented person token: the employee number, or why it is refused (never the token itself). */
export type PersonTokenCheck =
  { readonly kind: 'person'; readonly employeeNumber: string } | { readonly kind: 'refused'; readonly reason: string };

export interface MintPersonTokenOptions {
  /** How long the token is valid; default 8 hours. */
  readonly hours?: number;
  /** When the token is issued; default now. */
  readonly now?: Date;
}

/** Signs a person token for `employeeNumber`. The secret must be at least 32 characters. */
export async function mintPersonToken(secret: string, employeeNumber: string, options: MintPersonTokenOptions = {}): Promise<string> {
  assertSecretLength(secret);
  const hours = options.hours ?? 8;
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError('a person token must be valid for a positive number of hours');
  if (employeeNumber.trim() === '') throw new RangeError('a person token needs an employee number');
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(employeeNumber)
    .setIssuer(PERSON_TOKEN_ISSUER)
    .setAudience(PERSON_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.round(hours * 3600))
    .sign(secretKey(secret));
}

/**
 * PERSON_TOKEN_SECRET, or undefined when it is not set (person tokens are then refused); a secret
 * shorter than 32 characters is a configuration error, so a guessable secret never goes live.
 */
export function personTokenSecretFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env['PERSON_TOKEN_SECRET'];
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < PERSON_TOKEN_MIN_SECRET_LENGTH) {
    throw new ConfigurationError([`PERSON_TOKEN_SECRET: must be at least ${PERSON_TOKEN_MIN_SECRET_LENGTH} characters`]);
  }
  return secret;
}

/** Verifies person tokens against PERSON_TOKEN_SECRET: HS256 only, issuer, audience, and an expiry that has not passed. */
export class PersonTokenVerifier {
  private readonly key: Uint8Array | undefined;

  constructor(
    secret: string | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (secret !== undefined) assertSecretLength(secret);
    this.key = secret === undefined ? undefined : secretKey(secret);
  }

  async verify(token: string): Promise<PersonTokenCheck> {
    if (!this.key) return refused('person tokens are not accepted here: PERSON_TOKEN_SECRET is not configured');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: PERSON_TOKEN_ISSUER,
        audience: PERSON_TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.now(),
      });
      const employeeNumber = payload.sub?.trim();
      if (!employeeNumber) return refused('the person token names no employee number (sub)');
      return { kind: 'person', employeeNumber };
    } catch (error) {
      return refused(whyRefused(error));
    }
  }
}

function whyRefused(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the person token has expired; ask for a new one';
  if (error instanceof errors.JWTClaimValidationFailed) return `the person token's ${error.claim} claim is not valid here`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the person token is not signed with this platform’s secret';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the person token must be signed with HS256';
  if (error instanceof errors.JOSEError) return 'the bearer token is neither an administrator token nor a well-formed person token';
  throw error;
}

function refused(reason: string): PersonTokenCheck {
  return { kind: 'refused', reason };
}

function assertSecretLength(secret: string): void {
  if (secret.length < PERSON_TOKEN_MIN_SECRET_LENGTH) {
    throw new RangeError(`a person token secret must be at least ${PERSON_TOKEN_MIN_SECRET_LENGTH} characters`);
  }
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
