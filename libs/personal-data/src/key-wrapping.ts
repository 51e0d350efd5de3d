import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import type { PersonalDataMasterKey } from './master-key';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A per-person key as stored once wrapped: IV, GCM tag, then the encrypted key, in one bytea.
 * The key id is the additional data, so a wrapped key copied onto another row does not unwrap.
 */
export function wrapKey(masterKey: KeyObject, keyId: string, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, masterKey, iv);
  cipher.setAAD(Buffer.from(keyId));
  const encrypted = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), encrypted]);
}

/** Throws when the master key is not the one that wrapped it, or the row was altered. */
export function unwrapKey(masterKey: KeyObject, keyId: string, wrapped: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, masterKey, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** Tries `key`, then `previous` if the rotation window is open (PERSONAL_DATA_KEY_PREVIOUS); undefined when neither opens it. */
export function unwrapWithMasterKey(masterKey: PersonalDataMasterKey, keyId: string, wrapped: Buffer): Buffer | undefined {
  for (const candidate of masterKey.previous ? [masterKey.key, masterKey.previous] : [masterKey.key]) {
    const opened = tryUnwrapKey(candidate, keyId, wrapped);
    if (opened) return opened;
  }
  return undefined;
}

/** unwrapKey, undefined instead of an exception when the master key is not the one that wrapped it. */
export function tryUnwrapKey(masterKey: KeyObject, keyId: string, wrapped: Buffer): Buffer | undefined {
  try {
    return unwrapKey(masterKey, keyId, wrapped);
  } catch {
    return undefined;
  }
}
