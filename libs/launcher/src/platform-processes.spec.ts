import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONNECTOR_CREDENTIALS_KEY_FILE } from './connector-credentials-key';
import { loadLauncherConfig } from './launcher-config';
import { DEMO_ADMIN_TOKEN, DEMO_PERSON_TOKEN_SECRET, DEMO_SCIM_TOKEN, planPlatformProcesses } from './platform-processes';

function envOf(processName: string, launcherEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const planned = planPlatformProcesses(loadLauncherConfig(launcherEnv), '/repo', launcherEnv).find(
    (process) => process.name === processName,
  );
  if (!planned) throw new Error(`no planned process ${processName}`);
  return planned.spec('postgres://db').env ?? {};
}

describe('the platform processes', () => {
  // The connector's credentials key is generated into the data directory: a scratch one per run.
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tenure-launcher-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given development, when planned, then every service takes the demo administrator token and person token secret and only identity the HR inputs’ secrets', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir };

    for (const service of ['identity', 'policy', 'workflow', 'connector']) {
      expect(envOf(service, env)['ADMIN_TOKENS']).toBe(DEMO_ADMIN_TOKEN);
      expect(envOf(service, env)['PERSON_TOKEN_SECRET']).toBe(DEMO_PERSON_TOKEN_SECRET);
    }
    expect(DEMO_PERSON_TOKEN_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(envOf('identity', env)['SCIM_TOKENS']).toBe(DEMO_SCIM_TOKEN);
    expect(envOf('policy', env)['SCIM_TOKENS']).toBeUndefined();
  });

  it('given ADMIN_TOKENS in the launcher’s environment, when planned, then no service is handed the demo token', () => {
    expect(envOf('policy', { NODE_ENV: 'development', ADMIN_TOKENS: 'real-token' })['ADMIN_TOKENS']).toBeUndefined();
  });

  it('given PERSON_TOKEN_SECRET in the launcher’s environment, when planned, then no service is handed the demo secret', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, PERSON_TOKEN_SECRET: 'x'.repeat(40) };

    expect(envOf('workflow', env)['PERSON_TOKEN_SECRET']).toBeUndefined();
    expect(envOf('connector', env)['PERSON_TOKEN_SECRET']).toBeUndefined();
  });

  it('given production, when planned, then no demo secret is handed out', () => {
    expect(envOf('policy', { NODE_ENV: 'production' })['ADMIN_TOKENS']).toBeUndefined();
    expect(envOf('workflow', { NODE_ENV: 'production' })['PERSON_TOKEN_SECRET']).toBeUndefined();
    expect(envOf('identity', { NODE_ENV: 'production' })['SCIM_TOKENS']).toBeUndefined();
  });

  it('given development, when the connector is planned, then it gets a credentials key generated once into the data directory and kept', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir };

    const key = envOf('connector', env)['CONNECTOR_CREDENTIALS_KEY'];
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(envOf('connector', env)['CONNECTOR_CREDENTIALS_KEY']).toBe(key);
    const file = path.join(dataDir, CONNECTOR_CREDENTIALS_KEY_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ key });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(envOf('policy', env)['CONNECTOR_CREDENTIALS_KEY']).toBeUndefined();

    const otherDir = mkdtempSync(path.join(tmpdir(), 'tenure-launcher-'));
    try {
      expect(envOf('connector', { ...env, TENURE_DATA_DIR: otherDir })['CONNECTOR_CREDENTIALS_KEY']).not.toBe(key);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('given CONNECTOR_CREDENTIALS_KEY in the launcher’s environment or production, when planned, then no key is generated', () => {
    expect(
      envOf('connector', { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, CONNECTOR_CREDENTIALS_KEY: 'k' })[
        'CONNECTOR_CREDENTIALS_KEY'
      ],
    ).toBeUndefined();
    expect(envOf('connector', { NODE_ENV: 'production', TENURE_DATA_DIR: dataDir })['CONNECTOR_CREDENTIALS_KEY']).toBeUndefined();
    expect(() => statSync(path.join(dataDir, CONNECTOR_CREDENTIALS_KEY_FILE))).toThrow();
  });
});
