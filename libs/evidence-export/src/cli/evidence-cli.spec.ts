import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256 } from '../manifest';
import { runEvidenceCli } from './evidence-cli';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line), now: () => new Date('2026-11-26T08:00:00Z') },
  };
}

describe('the evidence command', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'tenure-evidence-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('given no command, an unknown kind or no token, when run, then it says what is wrong and exits 2', async () => {
    const none = io();
    const unknownKind = io();
    const noToken = io();

    expect(await runEvidenceCli([], {}, none.io)).toBe(2);
    expect(await runEvidenceCli(['export', 'payroll', '--out', directory], { TENURE_TOKEN: 't' }, unknownKind.io)).toBe(2);
    expect(await runEvidenceCli(['export', 'all', '--out', directory], {}, noToken.io)).toBe(2);
    expect(none.err[0]).toBe('no command');
    expect(unknownKind.err[0]).toBe('unknown kind "payroll"');
    expect(noToken.err[0]).toMatch(/set TENURE_TOKEN/);
  });

  it('given an export whose files match the manifest, when verified, then it exits 0; a changed or missing file exits 1 naming it', async () => {
    const csv = 'a,b\n1,2\n';
    writeFileSync(path.join(directory, 'leavers.csv'), csv);
    writeFileSync(
      path.join(directory, 'manifest.json'),
      JSON.stringify({
        files: [
          { name: 'leavers.csv', kind: 'leavers', format: 'csv', rows: 1, bytes: csv.length, sha256: sha256(csv) },
          { name: 'leavers.json', kind: 'leavers', format: 'json', rows: 1, bytes: 2, sha256: sha256('{}') },
        ],
      }),
    );
    writeFileSync(path.join(directory, 'leavers.json'), '{}');
    const intact = io();
    expect(await runEvidenceCli(['verify', directory], {}, intact.io)).toBe(0);

    writeFileSync(path.join(directory, 'leavers.csv'), 'a,b\n1,3\n');
    rmSync(path.join(directory, 'leavers.json'));
    const altered = io();
    expect(await runEvidenceCli(['verify', directory], {}, altered.io)).toBe(1);
    expect(altered.err).toEqual([
      expect.stringMatching(/^leavers\.csv: changed: sha256 /),
      'leavers.json: missing: listed in the manifest but not there',
    ]);
  });
});
