import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from './exit-codes';
import { runCli } from './program';
import { RecordingTerminal } from './testing/recording-terminal';

// The command line up to the point where it would reach the network: argument errors and missing sign-ins.
describe('tenure command line', () => {
  let configDir: string;

  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'tenure-cli-program-'));
  });

  afterEach(async () => {
    await rm(configDir, { recursive: true, force: true });
  });

  async function tenure(...argv: string[]) {
    const terminal = new RecordingTerminal();
    const code = await runCli(argv, {
      env: { TENURE_CONFIG_DIR: configDir },
      terminal,
      now: () => new Date('2026-11-27T08:00:00Z'),
      version: '0.1.0',
    });
    return { code, out: terminal.out, err: terminal.err };
  }

  test('given --help, when run, then it lists the commands and the exit codes, and exits 0', async () => {
    const { code, out } = await tenure('--help');
    expect(code).toBe(ExitCode.OK);
    for (const command of [
      'login',
      'logout',
      'whoami',
      'access',
      'request',
      'requests',
      'approvals',
      'approve',
      'deny',
      'catalog',
      'notifications',
    ]) {
      expect(out).toContain(command);
    }
    expect(out).toContain('3  not signed in');
    expect(out).toContain('6  cannot reach the gateway');
  });

  test('given an unknown command, when run, then it is a usage error (2)', async () => {
    const { code, err } = await tenure('acess');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toContain("unknown command 'acess'");
  });

  test('given a request without --for, when run, then it is a usage error naming the option', async () => {
    const { code, err } = await tenure('request', 'aws-staging/admin', '--reason', 'debug');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toContain("required option '--for <duration>' not specified");
  });

  test('given a bad duration, when requesting, then it is a usage error before anything is asked of the platform', async () => {
    const { code, err } = await tenure('request', 'aws-staging/admin', '--for', '4 hours', '--reason', 'debug');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toBe('tenure: "4 hours" is not a duration: use minutes, hours or days, e.g. 30m, 4h, 2d or 1d12h\n');
  });

  test('given a bad entitlement and --json, when requesting, then stdout is a JSON usage error', async () => {
    const { code, out } = await tenure('request', 'viewer', '--for', '4h', '--reason', 'debug', '--json');
    expect(code).toBe(ExitCode.USAGE);
    expect(JSON.parse(out)).toMatchObject({ error: { code: 2, kind: 'usage' } });
  });

  test('given a denial without a comment, when run, then it is a usage error', async () => {
    const { code, err } = await tenure('deny', 'request-1');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toContain('--comment');
  });

  test('given an unknown notification kind, when setting it, then it is a usage error naming the kinds, before any sign-in is needed', async () => {
    const { code, err } = await tenure('notifications', 'set', 'request-decidd', 'email', 'off');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toBe(
      'tenure: Unknown notification kind "request-decidd" (did you mean request-decided?); the kinds are: approval-waiting, review-items-waiting, review-items-due, request-decided, access-expiring, manual-task-assigned, leaver-completed\n',
    );
  });

  test('given an unknown channel and --json, when setting a notification, then stdout is the JSON usage error', async () => {
    const { code, out } = await tenure('notifications', 'set', 'request-decided', 'sms', 'off', '--json');
    expect(code).toBe(ExitCode.USAGE);
    expect(JSON.parse(out)).toEqual({
      error: { code: 2, kind: 'usage', message: 'Unknown notification channel "sms": use email or slack', details: [] },
    });
  });

  test('given neither on nor off, when setting a notification, then it is a usage error', async () => {
    const { code, err } = await tenure('notifications', 'set', 'REQUEST_DECIDED', 'slack', 'maybe');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toContain('"maybe" is neither on nor off');
  });

  test('given a setting without its state, when run, then commander says which argument is missing', async () => {
    const { code, err } = await tenure('notifications', 'set', 'request-decided', 'email');
    expect(code).toBe(ExitCode.USAGE);
    expect(err).toContain("missing required argument 'state'");
  });

  test('given a valid setting and nobody signed in, when run, then it exits 3', async () => {
    const { code, err } = await tenure('notifications', 'set', 'request-decided', 'email', 'off');
    expect(code).toBe(ExitCode.NOT_SIGNED_IN);
    expect(err).toBe('tenure: Not signed in: run `tenure login` (or set TENURE_TOKEN)\n');
  });

  test('given nobody signed in, when `tenure access` runs, then it exits 3 and says to run tenure login', async () => {
    const { code, err, out } = await tenure('access');
    expect(code).toBe(ExitCode.NOT_SIGNED_IN);
    expect(out).toBe('');
    expect(err).toBe('tenure: Not signed in: run `tenure login` (or set TENURE_TOKEN)\n');
  });

  test('given nobody signed in and --json after the command, when run, then stdout is the JSON error', async () => {
    const { code, out } = await tenure('requests', '--json');
    expect(code).toBe(ExitCode.NOT_SIGNED_IN);
    expect(JSON.parse(out)).toEqual({
      error: { code: 3, kind: 'not_signed_in', message: 'Not signed in: run `tenure login` (or set TENURE_TOKEN)', details: [] },
    });
  });

  test('given nobody signed in, when logging out, then it says so and exits 0', async () => {
    const { code, out } = await tenure('logout');
    expect(code).toBe(ExitCode.OK);
    expect(out).toBe('You were not signed in.\n');
  });
});
