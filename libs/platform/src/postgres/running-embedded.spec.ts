import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeClusterFile } from './cluster-file';
import { launcherClusterDir, runningEmbeddedDatabaseUrl } from './running-embedded';

describe('the embedded database of a running launcher', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'tenure-running-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given the launcher’s data directory setting, then the cluster is its pgdata', () => {
    expect(launcherClusterDir('/repo', {})).toBe('/repo/.tenure/pgdata');
    expect(launcherClusterDir('/repo', { TENURE_DATA_DIR: '/var/lib/tenure' })).toBe('/var/lib/tenure/pgdata');
  });

  it('given a cluster file owned by a live process, then its URL has the credentials and port', async () => {
    await writeClusterFile(path.join(dir, 'pgdata.cluster.json'), {
      user: 'tenure',
      password: 'p@ss/word-0123456789',
      port: 55433,
      ownerPid: process.pid,
    });
    expect(await runningEmbeddedDatabaseUrl(path.join(dir, 'pgdata'))).toBe(
      'postgres://tenure:p%40ss%2Fword-0123456789@127.0.0.1:55433/tenure',
    );
  });

  it('given no cluster file, or one whose owner is gone or that never got a port, then there is none', async () => {
    expect(await runningEmbeddedDatabaseUrl(path.join(dir, 'pgdata'))).toBeUndefined();
    await writeClusterFile(path.join(dir, 'pgdata.cluster.json'), {
      user: 'tenure',
      password: 'password-0123456789',
      port: 55433,
      ownerPid: 2 ** 22 + 7,
    });
    expect(await runningEmbeddedDatabaseUrl(path.join(dir, 'pgdata'))).toBeUndefined();
    await writeClusterFile(path.join(dir, 'pgdata.cluster.json'), {
      user: 'tenure',
      password: 'password-0123456789',
      ownerPid: process.pid,
    });
    expect(await runningEmbeddedDatabaseUrl(path.join(dir, 'pgdata'))).toBeUndefined();
  });
});
