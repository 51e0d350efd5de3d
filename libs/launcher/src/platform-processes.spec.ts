import { loadLauncherConfig } from './launcher-config';
import { DEMO_ADMIN_TOKEN, DEMO_SCIM_TOKEN, planPlatformProcesses } from './platform-processes';

function envOf(processName: string, launcherEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const planned = planPlatformProcesses(loadLauncherConfig(launcherEnv), '/repo', launcherEnv).find(
    (process) => process.name === processName,
  );
  if (!planned) throw new Error(`no planned process ${processName}`);
  return planned.spec('postgres://db').env ?? {};
}

describe('the platform processes', () => {
  it('given development, when planned, then every service takes the demo administrator token and only identity the HR inputs’ secrets', () => {
    const env = { NODE_ENV: 'development' };

    for (const service of ['identity', 'policy', 'workflow', 'connector']) {
      expect(envOf(service, env)['ADMIN_TOKENS']).toBe(DEMO_ADMIN_TOKEN);
    }
    expect(envOf('identity', env)['SCIM_TOKENS']).toBe(DEMO_SCIM_TOKEN);
    expect(envOf('policy', env)['SCIM_TOKENS']).toBeUndefined();
  });

  it('given ADMIN_TOKENS in the launcher’s environment, when planned, then no service is handed the demo token', () => {
    expect(envOf('policy', { NODE_ENV: 'development', ADMIN_TOKENS: 'real-token' })['ADMIN_TOKENS']).toBeUndefined();
  });

  it('given production, when planned, then no demo secret is handed out', () => {
    expect(envOf('policy', { NODE_ENV: 'production' })['ADMIN_TOKENS']).toBeUndefined();
    expect(envOf('identity', { NODE_ENV: 'production' })['SCIM_TOKENS']).toBeUndefined();
  });
});
