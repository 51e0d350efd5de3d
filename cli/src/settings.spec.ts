import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError, ExitCode } from './exit-codes';
import { configDirectory, resolveSettings } from './settings';

describe('settings', () => {
  test('given flags and environment, when resolved, then flags win over the environment', () => {
    const settings = resolveSettings(
      { api: 'http://127.0.0.1:5000', issuer: 'https://login.example.com' },
      { TENURE_API_URL: 'http://localhost:4000', TENURE_ISSUER: 'http://localhost:4200', TENURE_TOKEN: ' token ' },
    );
    expect(settings.apiUrl?.href).toBe('http://127.0.0.1:5000/');
    expect(settings.issuer?.href).toBe('https://login.example.com/');
    expect(settings.token).toBe('token');
    expect(settings.clientId).toBe('tenure-cli');
  });

  test('given only the environment, when resolved, then it is used; given nothing, the stored sign-in or defaults decide later', () => {
    expect(resolveSettings({}, { TENURE_API_URL: 'https://tenure.example.com/api/' }).apiUrl?.href).toBe('https://tenure.example.com/api');
    expect(resolveSettings({}, {})).toMatchObject({ apiUrl: undefined, issuer: undefined, token: undefined });
  });

  test('given plain http to another machine, when resolved, then it is refused: tokens never cross a network in clear text', () => {
    let error: unknown;
    try {
      resolveSettings({}, { TENURE_API_URL: 'http://tenure.example.com' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.USAGE);
    expect((error as CliError).message).toBe(
      'TENURE_API_URL must be an https URL (plain http only for localhost): "http://tenure.example.com"',
    );
  });

  test('given something that is not a URL, when resolved, then the error names the flag', () => {
    expect(() => resolveSettings({ issuer: 'localhost:4200' }, {})).toThrow('--issuer');
  });

  test('given TENURE_CONFIG_DIR, XDG_CONFIG_HOME or neither, when the configuration directory is chosen, then it is in that order', () => {
    expect(configDirectory({ TENURE_CONFIG_DIR: '/tmp/t', XDG_CONFIG_HOME: '/x' })).toBe('/tmp/t');
    expect(configDirectory({ XDG_CONFIG_HOME: '/x' })).toBe('/x/tenure');
    expect(configDirectory({})).toBe(join(homedir(), '.config', 'tenure'));
  });
});
