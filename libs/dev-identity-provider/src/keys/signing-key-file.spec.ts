import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeScratch, scratchDirectory } from '../testing/scratch-directory';
import { loadOrCreateSigningKeys, SigningKeyFileError } from './signing-key-file';

describe('signing keys file', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await scratchDirectory();
  });
  afterEach(async () => {
    await removeScratch(directory);
  });

  test('given no keys file, when keys are loaded twice, then one RS256 key is made, kept private to its owner, and reused', async () => {
    const file = path.join(directory, 'nested', 'keys.json');

    const first = await loadOrCreateSigningKeys(file);
    const second = await loadOrCreateSigningKeys(file);

    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    expect(second).toEqual(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  test('given a keys file that is not a key set, when keys are loaded, then it is refused and left as it was', async () => {
    const file = path.join(directory, 'keys.json');
    await writeFile(file, '{"keys":[{"kty":"oct","k":"abc"}]}');

    await expect(loadOrCreateSigningKeys(file)).rejects.toThrow(SigningKeyFileError);
    expect(await readFile(file, 'utf8')).toBe('{"keys":[{"kty":"oct","k":"abc"}]}');
  });
});
