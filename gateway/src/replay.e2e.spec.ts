import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN_TOKEN, eventually, PlatformUnderTest } from './testing/platform-under-test';

// `npm run replay` beside a platform started like `npm start`: the consistency check on the demo
// company's read models, then a replay of all of them while the gateway keeps answering.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
const REPLAY_SCRIPT = join(REPOSITORY_ROOT, 'libs', 'event-store-postgres', 'dist', 'cli', 'replay-main.js');
const PROJECTION_MODULES = ['identity', 'policy', 'workflow', 'connector'].flatMap((service) => [
  '--module',
  join(REPOSITORY_ROOT, 'services', service, 'dist', 'projections.js'),
]);
const DANIEL = '10038';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The replay command as the npm script runs it (the services' projection lists from their builds), until it exits. */
function replay(platform: PlatformUnderTest, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REPLAY_SCRIPT, ...PROJECTION_MODULES, ...args], {
      // As beside `npm start`: the database, and the data directory with the personal-data key the launcher generated.
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: platform.databaseUrl, TENURE_DATA_DIR: platform.dataDirectory },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('replay beside a platform started like npm start', () => {
  jest.setTimeout(300_000);
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });
  afterAll(() => platform?.stop());

  it('given the demo company, when the read models are checked, then every one matches a rebuild from the log', async () => {
    const check = await replay(platform, ['--check']);

    expect(check.stderr).not.toContain('replay failed');
    expect(check.stdout).toMatch(/^consistent: \d+ projection\(s\) rebuilt from the log match the live read models/);
    expect(check.code).toBe(0);
  });

  it('given the gateway answering, when every read model is replayed, then it answers throughout, and after the switch a new request reaches the rebuilt tables, which still match the log', async () => {
    const directory = () =>
      platform.data<{ identities: { totalCount: number } }>('{ identities(first: 5) { totalCount } }', {}, ADMIN_TOKEN);
    const before = (await directory()).identities.totalCount;

    const running = replay(platform, []);
    let done = false;
    void running.then(() => (done = true));
    const answers: (number | string)[] = [];
    while (!done) {
      answers.push(
        await directory().then(
          (answer) => answer.identities.totalCount,
          (error: unknown) => String(error),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const run = await running;

    expect(run.stderr).toContain('switching the services to the rebuilt tables');
    expect(run.stdout).toMatch(/^rebuilt and switched \d+ projection\(s\)/);
    expect(run.code).toBe(0);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers)).toEqual(new Set([before]));

    const requested = await platform.data<{ requestAccess: { id: string } }>(
      'mutation($input: RequestAccessInput!) { requestAccess(input: $input) { id } }',
      { input: { applicationId: 'erp', entitlementKey: 'vendor-management', justification: 'after the replay', durationHours: 2 } },
      await platform.signIn(DANIEL),
    );
    const seen = await eventually(async () => {
      const { accessRequest } = await platform.data<{ accessRequest: { status: string; justification: string } | null }>(
        'query($id: ID!) { accessRequest(id: $id) { status justification } }',
        { id: requested.requestAccess.id },
        ADMIN_TOKEN,
      );
      return accessRequest ?? undefined;
    }, 'the request in the rebuilt read model');
    expect(seen.justification).toBe('after the replay');

    const check = await replay(platform, ['--check']);
    expect(check.stdout).toMatch(/^consistent: /);
    expect(check.code).toBe(0);
  });
});
