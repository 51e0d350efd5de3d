import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SealedCredentials } from '../../domain/application';

/** Secret values by name, in memory only for as long as a connector needs them. */
export type Credentials = Readonly<Record<string, string>>;

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * Seals and opens application credentials with AES-256-GCM. The application id is bound in as
 * additional authenticated data, so one application's sealed credentials copied onto another fail
 * to open. `keyId` (a digest prefix of the key, not the key) says which key sealed them, for rotation.
 */
export class CredentialsCipher {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('an AES-256 key is 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  seal(applicationId: string, credentials: Credentials): SealedCredentials {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(applicationId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return {
      algorithm: ALGORITHM,
      keyId: this.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  /** Throws CredentialsUnreadable when the key is another or the data was altered; never says more. */
  open(applicationId: string, sealed: SealedCredentials): Credentials {
    if (sealed.keyId !== this.keyId) {
      throw new CredentialsUnreadable(`they were sealed with key ${sealed.keyId}, and the configured key is ${this.keyId}`);
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(applicationId, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
      return JSON.parse(plain) as Credentials;
    } catch {
      throw new CredentialsUnreadable('they do not authenticate with the configured key');
    }
  }
}

export class CredentialsUnreadable extends Error {
  constructor(why: string) {
    super(`the application's credentials cannot be opened: ${why}`);
    this.name = 'CredentialsUnreadable';
  }
}
