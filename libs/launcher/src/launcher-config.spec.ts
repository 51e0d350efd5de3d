import { ConfigurationError } from '@tenure/platform';
import { loadLauncherConfig } from './launcher-config';

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadLauncherConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('launcher configuration', () => {
  it('needs nothing: an embedded database and the usual ports', () => {
    expect(loadLauncherConfig({})).toEqual({
      IDENTITY_PORT: 4101,
      POLICY_PORT: 4102,
      WORKFLOW_PORT: 4103,
      CONNECTOR_PORT: 4104,
      GATEWAY_PORT: 4000,
      PORTAL_PORT: 3000,
      IDP_PORT: 4200,
      SLACK_APP_PORT: 4105,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
  });

  it('takes an external database and port overrides', () => {
    const config = loadLauncherConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/tenure', GATEWAY_PORT: '8080', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgresql://u:p@db:5432/tenure', GATEWAY_PORT: 8080, LOG_LEVEL: 'debug' });
  });

  it('names every bad value at once', () => {
    expect(
      problemsOf({
        DATABASE_URL: 'mysql://db/tenure',
        GATEWAY_PORT: 'eighty',
        POLICY_PORT: '70000',
        LOG_LEVEL: 'loud',
        NODE_ENV: 'staging',
        TENURE_DATA_DIR: '',
      }),
    ).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      'TENURE_DATA_DIR: must be a directory path, not empty',
      'POLICY_PORT: must be a whole number from 1 to 65535',
      'GATEWAY_PORT: must be a whole number from 1 to 65535',
      'LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
      'NODE_ENV: must be development, production or test',
    ]);
  });

  it('refuses two processes on one port', () => {
    expect(problemsOf({ GATEWAY_PORT: '4101', EMBEDDED_POSTGRES_PORT: '4102' })).toEqual([
      'GATEWAY_PORT: port 4101 is already given to IDENTITY_PORT; each process needs its own',
      'EMBEDDED_POSTGRES_PORT: port 4102 is already given to POLICY_PORT',
    ]);
  });
});
