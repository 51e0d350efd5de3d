import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONNECTOR_CREDENTIALS_KEY_FILE } from './connector-credentials-key';
import { loadLauncherConfig } from './launcher-config';
import { DEMO_ADMIN_TOKEN, DEMO_METRICS_TOKEN, DEMO_SCIM_TOKEN, planPlatformProcesses } from './platform-processes';
import { DEMO_SLACK_INTEGRATION_TOKEN } from './slack-app-process';

/** Every planned process's environment, from one plan (secrets are made once per plan). */
function plannedEnvs(launcherEnv: NodeJS.ProcessEnv): Map<string, Record<string, string | undefined>> {
  const planned = planPlatformProcesses(loadLauncherConfig(launcherEnv), '/repo', launcherEnv);
  return new Map(planned.map((process) => [process.name, process.spec('postgres://db').env ?? {}]));
}

function envOf(processName: string, launcherEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const env = plannedEnvs(launcherEnv).get(processName);
  if (!env) throw new Error(`no planned process ${processName}`);
  return env;
}

describe('the platform processes', () => {
  // The connector's credentials key is generated into the data directory: a scratch one per run.
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tenure-launcher-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given development, when planned, then every service takes the demo administrator token and only identity the HR inputs’ secrets', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir };

    for (const service of ['identity', 'policy', 'workflow', 'connector', 'gateway']) {
      expect(envOf(service, env)['ADMIN_TOKENS']).toBe(DEMO_ADMIN_TOKEN);
    }
    expect(envOf('identity', env)['SCIM_TOKENS']).toBe(DEMO_SCIM_TOKEN);
    expect(envOf('policy', env)['SCIM_TOKENS']).toBeUndefined();
  });

  it('given no CALLER_TOKEN_SECRET, when planned, then the gateway and every service share one fresh secret, new for each run', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir };
    const envs = plannedEnvs(env);

    const secret = envs.get('gateway')?.['CALLER_TOKEN_SECRET'];
    expect(secret?.length).toBeGreaterThanOrEqual(32);
    for (const service of ['identity', 'policy', 'workflow', 'connector']) expect(envs.get(service)?.['CALLER_TOKEN_SECRET']).toBe(secret);
    expect(plannedEnvs(env).get('gateway')?.['CALLER_TOKEN_SECRET']).not.toBe(secret);
  });

  it('given development, when planned, then every service takes the demo metrics token unless METRICS_TOKENS is set, and the gateway none', () => {
    for (const service of ['identity', 'policy', 'workflow', 'connector']) {
      expect(envOf(service, { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir })['METRICS_TOKENS']).toBe(DEMO_METRICS_TOKEN);
      expect(
        envOf(service, { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, METRICS_TOKENS: 'real' })['METRICS_TOKENS'],
      ).toBeUndefined();
    }
    expect(envOf('gateway', { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir })['METRICS_TOKENS']).toBeUndefined();
  });

  it('given ADMIN_TOKENS in the launcher’s environment, when planned, then no service is handed the demo token', () => {
    expect(envOf('policy', { NODE_ENV: 'development', ADMIN_TOKENS: 'real-token' })['ADMIN_TOKENS']).toBeUndefined();
    expect(envOf('gateway', { NODE_ENV: 'development', ADMIN_TOKENS: 'real-token' })['ADMIN_TOKENS']).toBeUndefined();
  });

  it('given CALLER_TOKEN_SECRET in the launcher’s environment, when planned, then the gateway and the services use it', () => {
    const env = { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, CALLER_TOKEN_SECRET: 'x'.repeat(40) };

    expect(envOf('workflow', env)['CALLER_TOKEN_SECRET']).toBe('x'.repeat(40));
    expect(envOf('gateway', env)['CALLER_TOKEN_SECRET']).toBe('x'.repeat(40));
  });

  it('given development without OIDC_ISSUER, when planned, then the built-in OpenID provider runs and the gateway and portal trust it', () => {
    const envs = plannedEnvs({ NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, IDP_PORT: '4300', PORTAL_PORT: '3100' });

    expect(envs.get('identity-provider')).toMatchObject({ OIDC_ISSUER: 'http://localhost:4300', PORTAL_ORIGIN: 'http://localhost:3100' });
    expect(envs.get('identity-provider')?.['IDP_USERS_FILE']).toBe(path.join('/repo', 'services', 'identity', 'demo', 'demo-company.csv'));
    expect(envs.get('gateway')?.['OIDC_ISSUER']).toBe('http://localhost:4300');
  });

  it('given PORTAL_PORT, when planned, then the workflow service’s notification links point at that portal unless PORTAL_URL is set', () => {
    expect(envOf('workflow', { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, PORTAL_PORT: '3100' })['PORTAL_URL']).toBe(
      'http://localhost:3100',
    );
    expect(envOf('workflow', { NODE_ENV: 'production', PORTAL_PORT: '3100' })['PORTAL_URL']).toBe('http://localhost:3100');
    expect(envOf('workflow', { NODE_ENV: 'production', PORTAL_URL: 'https://tenure.example.com' })['PORTAL_URL']).toBeUndefined();
    expect(envOf('policy', { NODE_ENV: 'development', TENURE_DATA_DIR: dataDir })['PORTAL_URL']).toBeUndefined();
  });

  it('given OIDC_ISSUER, when planned, then no built-in provider runs and the gateway trusts the organisation’s', () => {
    const envs = plannedEnvs({ NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, OIDC_ISSUER: 'https://login.example.com/' });

    expect(envs.has('identity-provider')).toBe(false);
    expect(envs.get('gateway')?.['OIDC_ISSUER']).toBe('https://login.example.com/');
  });

  it('given production, when planned, then no demo secret is handed out and no built-in provider runs', () => {
    const envs = plannedEnvs({ NODE_ENV: 'production' });

    expect(envs.get('policy')?.['ADMIN_TOKENS']).toBeUndefined();
    expect(envs.get('gateway')?.['ADMIN_TOKENS']).toBeUndefined();
    expect(envs.get('identity')?.['SCIM_TOKENS']).toBeUndefined();
    expect(envs.has('identity-provider')).toBe(false);
    expect(envs.get('gateway')?.['OIDC_ISSUER']).toBeUndefined();
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

describe('the Slack app process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tenure-launcher-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const slack = { SLACK_SIGNING_SECRET: 'signing-secret', SLACK_BOT_TOKEN: 'xoxb-bot-token' };

  it('given no Slack signing secret or bot token, when planned, then no Slack app runs', () => {
    expect(plannedEnvs({ NODE_ENV: 'development', TENURE_DATA_DIR: dataDir }).has('slack')).toBe(false);
    expect(plannedEnvs({ NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb' }).has('slack')).toBe(false);
  });

  it('given development, when planned, then the gateway accepts the demo Slack integration token and the Slack app presents it', () => {
    const envs = plannedEnvs({ NODE_ENV: 'development', TENURE_DATA_DIR: dataDir, GATEWAY_PORT: '4400', SLACK_APP_PORT: '4500', ...slack });

    expect(envs.get('gateway')?.['INTEGRATION_TOKENS']).toBe(`slack:${DEMO_SLACK_INTEGRATION_TOKEN}`);
    expect(envs.get('slack')).toMatchObject({
      PORT: '4500',
      TENURE_API_URL: 'http://127.0.0.1:4400/graphql',
      TENURE_INTEGRATION_TOKEN: DEMO_SLACK_INTEGRATION_TOKEN,
    });
  });

  it('given INTEGRATION_TOKENS in the launcher’s environment, when planned, then the gateway gets no demo token and the Slack app the one named slack', () => {
    const token = 's'.repeat(40);
    const envs = plannedEnvs({
      NODE_ENV: 'development',
      TENURE_DATA_DIR: dataDir,
      INTEGRATION_TOKENS: `other:${'o'.repeat(40)}, slack:${token}`,
      ...slack,
    });

    expect(envs.get('gateway')?.['INTEGRATION_TOKENS']).toBeUndefined();
    expect(envs.get('slack')?.['TENURE_INTEGRATION_TOKEN']).toBe(token);
  });

  it('given production, when planned, then no demo integration token is handed out', () => {
    const envs = plannedEnvs({ NODE_ENV: 'production', ...slack });

    expect(envs.get('gateway')?.['INTEGRATION_TOKENS']).toBeUndefined();
    expect(envs.get('slack')?.['TENURE_INTEGRATION_TOKEN']).toBeUndefined();
  });
});
