import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { migrate } from '../schema/migrate';
import { PostgresEventStore } from '../postgres-event-store';
import { main } from './rebuild-main';

describe('rebuild command', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
  });
  afterAll(() => database.drop());

  it('given a projections module, when run with a projection name, then it rebuilds that read model and prints progress', async () => {
    const category = uniqueCategory();
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    for (let i = 0; i < 4; i++) await store.appendToStream(`${category}-${i}`, newEvents(5));
    await store.close();

    const dir = mkdtempSync(join(tmpdir(), 'tenure-rebuild-'));
    const modulePath = join(dir, 'projections.js');
    writeFileSync(
      modulePath,
      `exports.projections = [{
        name: 'seen', filter: { streamPrefixes: ['${category}-'] },
        setup: (c) => c.query('CREATE TABLE IF NOT EXISTS seen_${category} (event_id text PRIMARY KEY)'),
        reset: (c) => c.query('TRUNCATE seen_${category}'),
        apply: (e, c) => c.query('INSERT INTO seen_${category} VALUES ($1)', [e.metadata.eventId]),
      }];`,
    );
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));

    const code = await main(['--module', modulePath, 'seen'], { DATABASE_URL: database.url }, out);

    expect(code).toBe(0);
    expect(printed).toContain('seen  [########################] 100%  20/20 events');
    expect(printed).toMatch(/seen: rebuilt from 20 events in [\d.]+ s/);
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM seen_${category}`);
    expect(rows[0].n).toBe(20);

    expect(await main(['--module', modulePath, 'nope'], { DATABASE_URL: database.url }, out)).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
