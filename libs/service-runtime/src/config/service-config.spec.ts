import { ConfigurationError, loadConfig } from '@tenure/platform';
import { serviceConfigSchema } from './service-config';

const schema = serviceConfigSchema({ port: 4101 });
const DATABASE_URL = 'postgres://tenure:secret@127.0.0.1:5432/tenure';

describe('service configuration', () => {
  it("defaults to the service's own port on loopback, info logs, development", () => {
    expect(loadConfig(schema, { DATABASE_URL })).toEqual({
      PORT: 4101,
      HOST: '127.0.0.1',
      DATABASE_URL,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
  });

  it('takes what the environment says', () => {
    expect(loadConfig(schema, { DATABASE_URL, PORT: '5000', HOST: '0.0.0.0', LOG_LEVEL: 'debug', NODE_ENV: 'production' })).toMatchObject({
      PORT: 5000,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
    });
  });

  it('names every bad variable at once', () => {
    const load = () => loadConfig(schema, { PORT: '0' });

    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(/PORT: must be a whole number from 1 to 65535/);
    expect(load).toThrow(/DATABASE_URL: .*\(not set\)/);
  });
});
