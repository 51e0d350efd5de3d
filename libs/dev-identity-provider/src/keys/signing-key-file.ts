import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'RS256';

/** A private signing key set as oidc-provider takes it (`jwks`). */
export interface PrivateJwks {
  readonly keys: readonly JWK[];
}

/** Thrown when the keys file exists but cannot be used; it is never overwritten, so no issued token is orphaned. */
export class SigningKeyFileError extends Error {
  constructor(path: string, problem: string) {
    super(`signing keys file ${path}: ${problem} (delete it to generate a new key; tokens signed with the old one stop verifying)`);
    this.name = 'SigningKeyFileError';
  }
}

/**
 * The provider's signing keys: read from `path`, or generated once (RSA, RS256) and written there, so tokens
 * issued before a restart still verify after it. The file holds a private key: it is written readable by its
 * owner only.
 */
export async function loadOrCreateSigningKeys(path: string): Promise<PrivateJwks> {
  const existing = await readKeysFile(path);
  if (existing) return existing;

  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const key: JWK = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALGORITHM, use: 'sig' };
  const jwks: PrivateJwks = { keys: [key] };

  await mkdir(dirname(path), { recursive: true });
  // Write beside it, then rename: a crash never leaves half a key file behind.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, `${JSON.stringify(jwks, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, path);
  return jwks;
}

async function readKeysFile(path: string): Promise<PrivateJwks | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SigningKeyFileError(path, `cannot be read (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SigningKeyFileError(path, 'is not JSON');
  }
  const keys = (parsed as { keys?: unknown }).keys;
  const usable =
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((key: JWK) => key && key.kty === 'RSA' && typeof key.d === 'string' && key.alg === SIGNING_ALGORITHM);
  if (!usable) throw new SigningKeyFileError(path, `does not hold private ${SIGNING_ALGORITHM} keys as {"keys":[...]}`);
  return { keys: keys as JWK[] };
}
