import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';

/**
 * A personal value as the log stores it: AES-256-GCM ciphertext of the value's JSON, with the id of
 * the person's key. It takes the value's place in the event's data, so the rest of the event (and
 * its hash) stays as it was.
 */
export interface PersonalEnvelope {
  readonly $personal: {
    readonly key: string;
    readonly iv: string;
    readonly tag: string;
    readonly data: string;
  };
}

const ALGORITHM = 'aes-256-gcm';
export const KEY_BYTES = 32;
const IV_BYTES = 12;

export function isEnvelope(value: unknown): value is PersonalEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const inner = (value as { $personal?: unknown }).$personal;
  return typeof inner === 'object' && inner !== null && typeof (inner as { key?: unknown }).key === 'string';
}

export function seal(keyId: string, key: Buffer | KeyObject, value: unknown): PersonalEnvelope {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  // The key id is bound to the ciphertext: an envelope moved under another person's key fails to open.
  cipher.setAAD(Buffer.from(keyId));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $personal: { key: keyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
  };
}

export function open(envelope: PersonalEnvelope, key: Buffer | KeyObject): unknown {
  const { key: keyId, iv, tag, data } = envelope.$personal;
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
