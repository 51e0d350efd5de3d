import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveDatabaseUrl } from './database-url';

describe('the database policy:load uses', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'tenure-root-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is DATABASE_URL when it is set', async () => {
    await expect(resolveDatabaseUrl({ DATABASE_URL: 'postgres://a:b@db:5432/x' }, root)).resolves.toBe('postgres://a:b@db:5432/x');
  });

  it('is the embedded cluster of npm start otherwise, from its cluster file', async () => {
    const dataDir = path.join(root, 'state');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'pgdata.cluster.json'), JSON.stringify({ user: 'tenure', password: 'p@ss/word', port: 55433 }));
    await expect(resolveDatabaseUrl({ TENURE_DATA_DIR: 'state' }, root)).resolves.toBe(
      'postgres://tenure:p%40ss%2Fword@127.0.0.1:55433/tenure',
    );
  });

  it('says what to do when there is neither', async () => {
    await expect(resolveDatabaseUrl({}, root)).rejects.toThrow(
      /DATABASE_URL is not set and there is no embedded cluster .*run npm start first or set DATABASE_URL/,
    );
  });
});
