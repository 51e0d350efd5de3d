import { ConfigurationError } from '@tenure/platform';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { personalDataMasterKeyFrom } from './master-key';

describe('the master key of personal data (PERSONAL_DATA_KEY)', () => {
  const bytes = randomBytes(32);

  it('given 32 bytes in base64 or in hex, when read, then both give the same key', () => {
    const fromBase64 = personalDataMasterKeyFrom({ PERSONAL_DATA_KEY: bytes.toString('base64') });
    const fromHex = personalDataMasterKeyFrom({ PERSONAL_DATA_KEY: bytes.toString('hex') });

    expect(fromBase64?.key.export()).toEqual(bytes);
    expect(fromHex?.key.export()).toEqual(bytes);
  });

  it('given a value that is not 32 bytes, when read, then it is refused naming the variable and never quoting the value', () => {
    const value = randomBytes(16).toString('base64');
    const read = () => personalDataMasterKeyFrom({ PERSONAL_DATA_KEY: value });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/PERSONAL_DATA_KEY: must be 32 random bytes in base64 or hex/);
    expect(() => read()).not.toThrow(value);
  });

  it('given production without the key, when read, then the start is refused with what to set', () => {
    const read = () => personalDataMasterKeyFrom({ NODE_ENV: 'production' });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/PERSONAL_DATA_KEY: required in production \(not set\); set PERSONAL_DATA_KEY to 32 random bytes/);
  });

  it('given development or tests without the key, when read, then there is none (keys are stored unwrapped)', () => {
    expect(personalDataMasterKeyFrom({ NODE_ENV: 'development' })).toBeNull();
    expect(personalDataMasterKeyFrom({})).toBeNull();
  });
});

describe('the development key file of `npm start`', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tenure-pd-'));
    mkdirSync(path.join(root, '.tenure'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given a command-line tool in development beside `npm start`, when no key is set, then it takes the generated one', () => {
    const bytes = randomBytes(32);
    writeFileSync(path.join(root, '.tenure', 'personal-data-key.json'), JSON.stringify({ key: bytes.toString('base64') }));

    expect(personalDataMasterKeyFrom({ NODE_ENV: 'development' }, root)?.key.export()).toEqual(bytes);
    expect(personalDataMasterKeyFrom({ NODE_ENV: 'test' }, root)).toBeNull();
  });

  it('given a damaged key file, when read, then it is refused naming the file', () => {
    writeFileSync(path.join(root, '.tenure', 'personal-data-key.json'), '{"key":"short"}');

    expect(() => personalDataMasterKeyFrom({ NODE_ENV: 'development' }, root)).toThrow(/personal-data-key.json does not hold a valid key/);
  });
});
