import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '@tenure/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { companyCsv, csv, row } from '../hr-imports/testing/hr-import-harness';
import { runHrisImport } from './hris-import-main';

const clock: Clock = { now: () => new Date('2026-05-10T08:00:00Z') };

describe('npm run hris:import (main, in-process)', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    dir = await mkdtemp(path.join(tmpdir(), 'hris-import-'));
  });
  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runHrisImport(
      argv,
      { DATABASE_URL: database.url, USER: 'ops-admin' },
      {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        clock,
        cwd: dir,
      },
    );
    return { code, out, err };
  }

  async function file(name: string, content: string): Promise<string> {
    await writeFile(path.join(dir, name), content);
    return name;
  }

  it('imports a file (exit 0) and prints the counts and every rejected row; holds a destructive complete file (exit 2) until --confirm', async () => {
    const first = await cli(
      await file('day-1.csv', csv(...companyCsv(10).trim().split('\n').slice(1), row('1999', { start_date: 'soon' }))),
    );
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out[0]).toMatch(
      /^applied \(run [\w-]+\): 10 hires, 0 rehires, 0 movers, 0 updates, 0 leavers; 1 rejected rows, 0 failed changes$/,
    );
    expect(first.out).toContain('rejected rows (kept with their values for correction):');
    expect(first.out.some((line) => /line 12 \(employee 1999\): start_date "soon"/.test(line))).toBe(true);
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM identity_directory WHERE status = 'active'`);
    expect(rows[0].n).toBe(10); // the CLI left the directory caught up

    const held = await cli(await file('half.csv', companyCsv(5)), '--complete');
    expect(held.code).toBe(2);
    const runId = /--confirm ([\w-]+)/.exec(held.out[0]!)?.[1];
    expect(held.out[0]).toMatch(
      /^held: 5 terminations out of 10 identities \(50\.0%\).* — confirm with `npm run hris:import -- --confirm [\w-]+`/,
    );
    expect(held.out[1]).toBe('  held changes: 5 leavers');

    const confirmed = await cli('--confirm', runId!);
    expect(confirmed.code).toBe(0);
    expect(confirmed.out[0]).toMatch(/5 leavers; 0 rejected rows, 0 failed changes$/);
    const again = await cli('--confirm', runId!);
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/is completed, so confirming its changes is not possible/);
  });

  it('corrects a rejected row with --correct/--line/--set (exit 0) and refuses a still-invalid or second correction (exit 1)', async () => {
    const imported = await cli(await file('typo.csv', csv(row('6000'), row('6001', { email: 'p6001-at-example.com' }))));
    const runId = /\(run ([\w-]+)\)/.exec(imported.out[0]!)?.[1];
    expect(imported.out.some((line) => /line 3 \(employee 6001\): email "p6001-at-example.com"/.test(line))).toBe(true);

    const invalid = await cli('--correct', runId!, '--line', '3', '--set', 'email=still-wrong');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toEqual([
      `HR import ${runId}, line 3 (employee 6001): the correction is not valid, so the record stays rejected: email "still-wrong" is not an email address`,
    ]);

    const corrected = await cli(
      '--correct',
      runId!,
      '--line',
      '3',
      '--set',
      'email=p6001@example.com',
      '--set',
      'manager_employee_number=6000',
    );
    expect(corrected).toMatchObject({ code: 0, err: [], out: [`corrected (run ${runId}, line 3, employee 6001): applied as hire`] });
    const { rows } = await database.pool.query(
      `SELECT email, manager_employee_number FROM identity_directory WHERE employee_number = '6001'`,
    );
    expect(rows).toEqual([{ email: 'p6001@example.com', manager_employee_number: '6000' }]);

    const again = await cli('--correct', runId!, '--line', '3');
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/line 3 \(employee 6001\) was already corrected/);
  });

  it('refuses a file without the required columns, a missing file and bad arguments with exit 1', async () => {
    const refused = await cli(await file('wrong.csv', 'id,name\n1,Ann\n'));
    expect(refused.code).toBe(1);
    expect(refused.out[0]).toMatch(/^refused: the file was not imported/);

    const missing = await cli('nowhere.csv');
    expect(missing).toMatchObject({ code: 1, err: [expect.stringMatching(/cannot read .*nowhere\.csv: ENOENT/)] });

    const usage = await cli();
    expect(usage.code).toBe(1);
    expect(usage.err[0]).toBe('no CSV file given');
  });

  it('with --if-empty, skips the import when identities are already known (demo seeding on restart)', async () => {
    const seeded = await cli(await file('demo.csv', companyCsv(3, 5000)), '--if-empty', '--one-line');
    expect(seeded).toMatchObject({ code: 0, out: [expect.stringMatching(/^skipped: \d+ identities already known$/)] });
  });
});
