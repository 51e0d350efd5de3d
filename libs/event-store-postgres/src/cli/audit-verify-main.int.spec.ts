import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openMigratedStore, type MigratedStore } from '../testing/migrated-store';
import { main } from './audit-verify-main';

describe('audit:verify command', () => {
  let opened: MigratedStore;
  let dir: string;

  beforeAll(async () => {
    opened = await openMigratedStore(2);
    dir = mkdtempSync(join(tmpdir(), 'tenure-audit-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await opened.close();
  });

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = new PassThrough();
    const err = new PassThrough();
    let printed = '';
    let errors = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    err.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await main(argv, { DATABASE_URL: opened.database.url }, out, err);
    return { code, out: printed, err: errors };
  }

  it('given an intact log, when run with --checkpoint and --export-checkpoint, then it seals and exports; a deleted tail then fails --against', async () => {
    const stream = `${uniqueCategory()}-1`;
    await opened.store.appendToStream(stream, newEvents(3));
    const file = join(dir, 'checkpoint.json');

    const sealed = await run('--checkpoint', '--export-checkpoint', file);
    expect(sealed.code).toBe(0);
    expect(sealed.out).toMatch(/^INTACT: 3 events in 1 streams verified in [\d.]+ s \(\d+ events\/s\), 0 findings; no checkpoint yet$/m);
    expect(sealed.out).toMatch(/^checkpoint 1 created at position \d+\/\d+: root [0-9a-f]{64}$/m);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'tenure-hash-checkpoint/1', id: '1', streams: 1 });

    await opened.database.pool.query('DELETE FROM tenure_events WHERE stream_id = $1 AND revision = 2', [stream]);
    const checked = await run('--against', file, '--json');

    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.out);
    expect(report).toMatchObject({ intact: false, events: 2, checkpoint: { source: 'export', intact: false } });
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'REMOVED', streamId: stream, revision: '2', source: 'checkpoint' })]);
    const human = await run('--checkpoint');
    expect(human.code).toBe(1);
    expect(human.out).toContain(`REMOVED   stream "${stream}" ended at revision 2`);
    expect(human.out).toContain('no checkpoint created: the log did not verify');
  });

  it('given wrong arguments, when run, then it explains and exits 2', async () => {
    expect((await run('--against')).err).toContain('--against needs a file name');
    expect((await run('--frobnicate')).code).toBe(2);
    expect((await run('--against', join(dir, 'missing.json'))).err).toMatch(/cannot use .*missing\.json/);
  });
});
