import { ConfigurationError } from '@tenure/platform';
import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { locatePersonalDataMasterKey, personalDataMasterKeyFrom, prepareDevelopmentKeyFile } from './master-key';

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

describe('the previous master key during a rotation (PERSONAL_DATA_KEY_PREVIOUS)', () => {
  const current = randomBytes(32);
  const previous = randomBytes(32);

  it('given both keys, when read, then the current one wraps and the previous one is kept for unwrapping only', () => {
    const read = personalDataMasterKeyFrom({
      PERSONAL_DATA_KEY: current.toString('base64'),
      PERSONAL_DATA_KEY_PREVIOUS: previous.toString('hex'),
    });

    expect(read?.key.export()).toEqual(current);
    expect(read?.previous?.export()).toEqual(previous);
    expect(personalDataMasterKeyFrom({ PERSONAL_DATA_KEY: current.toString('base64') })?.previous).toBeUndefined();
  });

  it('given a malformed previous key, when read, then it is refused naming the variable and never quoting the value', () => {
    const value = randomBytes(31).toString('hex');
    const read = () => personalDataMasterKeyFrom({ PERSONAL_DATA_KEY: current.toString('base64'), PERSONAL_DATA_KEY_PREVIOUS: value });

    expect(read).toThrow(/PERSONAL_DATA_KEY_PREVIOUS: must be 32 random bytes in base64 or hex/);
    expect(() => read()).not.toThrow(value);
  });

  it('given a previous key without a current one, when read, then it is refused saying which holds which', () => {
    const read = () => personalDataMasterKeyFrom({ NODE_ENV: 'test', PERSONAL_DATA_KEY_PREVIOUS: previous.toString('base64') });

    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(
      /PERSONAL_DATA_KEY_PREVIOUS: set without PERSONAL_DATA_KEY; during a rotation PERSONAL_DATA_KEY holds the new master key/,
    );
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

  it('given the key from PERSONAL_DATA_KEY or from the file, when located, then only the file is named (a rotation rewrites it)', () => {
    const bytes = randomBytes(32);
    writeFileSync(path.join(root, '.tenure', 'personal-data-key.json'), JSON.stringify({ key: bytes.toString('base64') }));

    expect(locatePersonalDataMasterKey({ NODE_ENV: 'development' }, root)?.file).toBe(path.join(root, '.tenure', 'personal-data-key.json'));
    expect(locatePersonalDataMasterKey({ NODE_ENV: 'development', PERSONAL_DATA_KEY: bytes.toString('hex') }, root)?.file).toBeNull();
  });

  it('given a rotation, when the new key file is prepared, then it replaces the file only on commit (0600, same format) and leaves nothing on discard', () => {
    const file = path.join(root, '.tenure', 'personal-data-key.json');
    const oldBytes = randomBytes(32);
    const newBytes = randomBytes(32);
    writeFileSync(file, JSON.stringify({ key: oldBytes.toString('base64') }));

    prepareDevelopmentKeyFile(file, createSecretKey(newBytes)).discard();
    expect(readdirSync(path.dirname(file))).toEqual(['personal-data-key.json']);
    expect(personalDataMasterKeyFrom({ NODE_ENV: 'development' }, root)?.key.export()).toEqual(oldBytes);

    const prepared = prepareDevelopmentKeyFile(file, createSecretKey(newBytes));
    expect(personalDataMasterKeyFrom({ NODE_ENV: 'development' }, root)?.key.export()).toEqual(oldBytes);
    prepared.commit();

    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ key: newBytes.toString('base64') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['personal-data-key.json']);
    expect(personalDataMasterKeyFrom({ NODE_ENV: 'development' }, root)?.key.export()).toEqual(newBytes);
  });
});
