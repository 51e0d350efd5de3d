import { randomBytes } from 'node:crypto';
import { CredentialsCipher } from './credentials-cipher';

describe('credentials sealed with AES-256-GCM', () => {
  const cipher = new CredentialsCipher(randomBytes(32));
  const credentials = { 'bind-password': 's3cret-value', token: 'abc.def.ghi' };

  it('given credentials, when sealed and opened for the same application, then they come back; the sealed form holds no value', () => {
    const sealed = cipher.seal('crm', credentials);

    expect(cipher.open('crm', sealed)).toEqual(credentials);
    expect(JSON.stringify(sealed)).not.toMatch(/s3cret-value|abc\.def\.ghi/);
    expect(sealed).toMatchObject({ algorithm: 'aes-256-gcm', keyId: cipher.keyId });
    expect(cipher.seal('crm', credentials).iv).not.toBe(sealed.iv);
  });

  it('given sealed credentials, when opened for another application, altered or with another key, then they cannot be opened', () => {
    const sealed = cipher.seal('crm', credentials);
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;

    expect(() => cipher.open('erp', sealed)).toThrow('cannot be opened');
    expect(() => cipher.open('crm', { ...sealed, ciphertext: flipped.toString('base64') })).toThrow('cannot be opened');
    expect(() => new CredentialsCipher(randomBytes(32)).open('crm', sealed)).toThrow(/sealed with key .* and the configured key is/);
  });
});
