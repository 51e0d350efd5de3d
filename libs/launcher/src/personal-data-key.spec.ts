import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLauncherConfig } from './launcher-config';
import { PERSONAL_DATA_KEY_FILE, readOrCreatePersonalDataKey } from './personal-data-key';
import { planPlatformProcesses } from './platform-processes';

const SERVICES = ['identity', 'policy', 'workflow', 'connector'];

function serviceKeys(launcherEnv: NodeJS.ProcessEnv): (string | undefined)[] {
  const planned = planPlatformProcesses(loadLauncherConfig(launcherEnv), '/repo', launcherEnv);
  return SERVICES.map((name) => planned.find((process) => process.name === name)?.spec('postgres://db').env?.['PERSONAL_DATA_KEY']);
}

describe('the master key of personal data (PERSONAL_DATA_KEY)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tenure-launcher-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given development, when planned twice, then every service gets the one key generated into the data directory, owner-readable only', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir };

    const keys = serviceKeys(env);

    const key = keys[0];
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(keys).toEqual([key, key, key, key]);
    expect(serviceKeys(env)).toEqual(keys);
    const file = path.join(dataDir, PERSONAL_DATA_KEY_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ key });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('given PERSONAL_DATA_KEY in the launcher’s environment, when planned, then the services inherit it and no key is generated', () => {
    expect(serviceKeys({ NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, PERSONAL_DATA_KEY: 'configured' })).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(() => statSync(path.join(dataDir, PERSONAL_DATA_KEY_FILE))).toThrow();
  });

  it('given production, when planned, then no key is generated: each service refuses to start without a configured one', () => {
    expect(serviceKeys({ NODE_ENV: 'production', TENURE_DATA_DIR: dataDir })).toEqual([undefined, undefined, undefined, undefined]);
    expect(() => statSync(path.join(dataDir, PERSONAL_DATA_KEY_FILE))).toThrow();
  });

  it('given a damaged key file, when read, then it is refused with what to do, never replaced by a new key', () => {
    const file = path.join(dataDir, PERSONAL_DATA_KEY_FILE);
    writeFileSync(file, '{"key":"short"}');

    expect(() => readOrCreatePersonalDataKey(dataDir)).toThrow(`${file} does not hold a valid key. Restore it from a copy`);
    expect(readFileSync(file, 'utf8')).toBe('{"key":"short"}');
  });
});
