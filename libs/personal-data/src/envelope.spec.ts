import { randomBytes } from 'node:crypto';
import { isEnvelope, open, seal } from './envelope';

describe('personal data envelope', () => {
  const key = randomBytes(32);

  it('given a sealed value, when opened with its key, then it is the value again and the envelope shows none of it', () => {
    const envelope = seal('key-1', key, 'Ingrid Nyqvist');

    expect(isEnvelope(envelope)).toBe(true);
    expect(JSON.stringify(envelope)).not.toContain('Ingrid');
    expect(open(envelope, key)).toBe('Ingrid Nyqvist');
  });

  it('given the same value sealed twice, when compared, then the ciphertexts differ (a fresh IV each time)', () => {
    expect(seal('key-1', key, 'same').$personal.data).not.toBe(seal('key-1', key, 'same').$personal.data);
  });

  it('given an envelope, when opened with another key or under another key id, then it fails instead of showing anything', () => {
    const envelope = seal('key-1', key, 'secret');

    expect(() => open(envelope, randomBytes(32))).toThrow();
    expect(() => open({ $personal: { ...envelope.$personal, key: 'key-2' } }, key)).toThrow();
  });

  it('given plain values, when checked, then none is taken for an envelope', () => {
    for (const value of [null, 'text', 3, [], {}, { $personal: null }, { $personal: { iv: 'x' } }]) expect(isEnvelope(value)).toBe(false);
  });
});
