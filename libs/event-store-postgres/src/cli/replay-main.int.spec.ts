import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { migrate } from '../schema/migrate';
import { PostgresEventStore } from '../postgres-event-store';
import { main } from './replay-main';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('replay command', () => {
  let database: TestDatabase;
  let dir: string;
  let modulePath: string;
  let category: string;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
    category = uniqueCategory();
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    for (let i = 0; i < 4; i++) await store.appendToStream(`${category}-${i}`, newEvents(5));
    await store.close();
    dir = mkdtempSync(join(tmpdir(), 'tenure-replay-'));
    modulePath = join(dir, 'projections.js');
    writeFileSync(
      modulePath,
      `exports.projections = [{
        name: 'seen', filter: { streamPrefixes: ['${category}-'] },
        setup: (c) => c.query('CREATE TABLE IF NOT EXISTS seen_${category} (event_id text PRIMARY KEY)'),
        reset: (c) => c.query('TRUNCATE seen_${category}'),
        apply: (e, c) => c.query('INSERT INTO seen_${category} VALUES ($1)', [e.metadata.eventId]),
      }];`,
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('given a projections module, when replayed by name, then the read model is rebuilt and switched, with progress printed', async () => {
    const out = capture();
    const err = capture();

    const code = await main(['--module', modulePath, 'seen'], { DATABASE_URL: database.url }, out.stream, err.stream);

    expect(code).toBe(0);
    expect(err.text()).toContain('seen  [########################] 100%  20/20 events');
    expect(err.text()).toContain('all events applied; 0 indexes left to build');
    expect(err.text()).toContain('switching the services to the rebuilt tables');
    expect(out.text()).toMatch(/rebuilt and switched 1 projection\(s\), 1 table\(s\)[^]*seen: 20 events in [\d.]+ s/);
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM seen_${category}`);
    expect(rows[0].n).toBe(20);
  });

  it('given a live row removed, when checked, then the difference is printed and the exit code is 1; given it restored, then 0', async () => {
    const { rows } = await database.pool.query<{ event_id: string }>(
      `DELETE FROM seen_${category} WHERE event_id = (SELECT min(event_id) FROM seen_${category}) RETURNING event_id`,
    );
    const out = capture();

    expect(await main(['--module', modulePath, '--check'], { DATABASE_URL: database.url }, out.stream, capture().stream)).toBe(1);
    expect(out.text()).toContain(`seen_${category}: 0 row(s) only in the live table, 1 only in the rebuilt one`);
    expect(out.text()).toContain(`rebuilt: {"event_id":"${rows[0]!.event_id}"}`);

    await database.pool.query(`INSERT INTO seen_${category} VALUES ($1)`, [rows[0]!.event_id]);
    const again = capture();
    expect(await main(['--module', modulePath, '--check', '--json'], { DATABASE_URL: database.url }, again.stream, capture().stream)).toBe(
      0,
    );
    expect(JSON.parse(again.text())).toMatchObject({ consistent: true, projections: ['seen'] });
  });

  it('given a wrong name, option or no database, then it says what is wrong and exits 2', async () => {
    const err = capture();
    expect(await main(['--module', modulePath, 'nope'], { DATABASE_URL: database.url }, capture().stream, err.stream)).toBe(2);
    expect(await main(['--module', modulePath, '--fast'], { DATABASE_URL: database.url }, capture().stream, err.stream)).toBe(2);
    expect(await main(['--module', modulePath], { TENURE_DATA_DIR: dir }, capture().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('unknown projection(s): nope; available: seen');
    expect(err.text()).toContain('unknown option(s): --fast');
    expect(err.text()).toContain('no database: set DATABASE_URL');
  });

  it('given a batch size smaller than the log, when replayed, then every event is applied; given a bad one, then it exits 2', async () => {
    const out = capture();
    const err = capture();

    expect(
      await main(['--module', modulePath, '--batch-size', '7', '--json'], { DATABASE_URL: database.url }, out.stream, capture().stream),
    ).toBe(0);
    expect(JSON.parse(out.text())).toMatchObject({ projections: [{ name: 'seen', applied: 20 }] });
    expect(await main(['--module', modulePath, '--batch-size', 'many'], { DATABASE_URL: database.url }, capture().stream, err.stream)).toBe(
      2,
    );
    expect(await main(['--module', modulePath, '--batch-size', '0'], { DATABASE_URL: database.url }, capture().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('--batch-size needs a whole number of events above 0, not "many"');
    expect(err.text()).toContain('--batch-size needs a whole number of events above 0, not "0"');
  });
});
