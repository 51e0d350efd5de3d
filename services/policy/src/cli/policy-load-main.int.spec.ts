import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '@tenure/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { smallPolicy } from '../domain/testing/policy-fixtures';
import { runPolicyLoad } from './policy-load-main';

const clock: Clock = { now: () => new Date('2026-05-10T08:00:00Z') };
const DEMO_POLICY = path.join(__dirname, '../../demo/demo-policy.json');

describe('npm run policy:load (main, in-process)', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    dir = await mkdtemp(path.join(tmpdir(), 'policy-load-'));
  });
  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runPolicyLoad(
      argv,
      { DATABASE_URL: database.url, USER: 'ops-admin' },
      { out: (line) => out.push(line), err: (line) => err.push(line), clock, cwd: dir },
    );
    return { code, out, err };
  }

  async function published(): Promise<{ version: number; note: string; actor: string }[]> {
    const { rows } = await database.pool.query<{ version: number; note: string; actor: string }>(
      `SELECT (data->>'version')::int AS version, data->>'note' AS note, metadata->'actor'->>'id' AS actor
         FROM tenure_events WHERE stream_id = 'policy-set' AND type = 'PolicyPublished' ORDER BY global_position`,
    );
    return rows;
  }

  it('refuses a document with mistakes (exit 1), naming each rule and field, and records nothing', async () => {
    const broken = {
      ...smallPolicy,
      roles: [],
      sodRules: [{ ...smallPolicy.sodRules[0], severity: 'extreme' }],
    };
    await writeFile(path.join(dir, 'broken.json'), JSON.stringify(broken));
    const refused = await cli('broken.json', '--publish');
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/^refused: the policy document is not valid: /);
    expect(refused.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}Birthright rule "everyone-email".*roles\[0\] names role "email", which does not exist/),
        expect.stringMatching(/^ {2}SoD rule "vendor-payment".*severity/),
      ]),
    );
    await expect(published()).resolves.toEqual([]);
  });

  it('refuses a file that is not JSON, a missing file and bad arguments with exit 1', async () => {
    await writeFile(path.join(dir, 'not.json'), '{ roles: ');
    expect(await cli('not.json')).toMatchObject({ code: 1, err: [expect.stringMatching(/not\.json is not JSON/)] });
    expect(await cli('nowhere.json')).toMatchObject({ code: 1, err: [expect.stringMatching(/cannot read .*nowhere\.json: ENOENT/)] });
    expect((await cli()).err[0]).toBe('no policy file given');
  });

  it('loads the demo policy as the launcher does, publishes it once, and skips it on the next start', async () => {
    await copyFile(DEMO_POLICY, path.join(dir, 'demo-policy.json'));
    const first = await cli('demo-policy.json', '--if-empty', '--publish', '--one-line');
    expect(first).toEqual({
      code: 0,
      err: [],
      out: [
        'policy version 1 published from demo-policy.json (8 roles, 9 birthright rules, 2 SoD rules, 5 access policies, 1 approver group)',
      ],
    });
    await expect(published()).resolves.toEqual([{ version: 1, note: 'loaded from demo-policy.json', actor: 'ops-admin' }]);

    const again = await cli('demo-policy.json', '--if-empty', '--publish', '--one-line');
    expect(again).toEqual({ code: 0, err: [], out: ['skipped: policy version 1 is already published'] });
  });

  it('replaces the draft without publishing, reports an unchanged document, and publishes a new one with its note', async () => {
    await writeFile(path.join(dir, 'small.json'), JSON.stringify(smallPolicy));
    const draftOnly = await cli('small.json');
    expect(draftOnly).toMatchObject({
      code: 0,
      out: [expect.stringMatching(/^draft replaced from small\.json \(1 role, 1 birthright rule/)],
    });
    await expect(published()).resolves.toHaveLength(1);

    expect((await cli('demo-policy.json', '--publish')).out).toEqual([
      'unchanged: version 1 already holds demo-policy.json (8 roles, 9 birthright rules, 2 SoD rules, 5 access policies, 1 approver group)',
    ]);
    const second = await cli('small.json', '--publish', '--note', 'smaller');
    expect(second.out).toEqual([
      'published version 2 from small.json: 1 role, 1 birthright rule, 1 SoD rule, 1 access policy, 1 approver group; note "smaller"',
    ]);
    await expect(published()).resolves.toEqual([
      { version: 1, note: 'loaded from demo-policy.json', actor: 'ops-admin' },
      { version: 2, note: 'smaller', actor: 'ops-admin' },
    ]);
  });
});
