import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { newEvents, uniqueCategory, uniqueStream } from '@tenure/event-store-contract';
import type { PostgresEventStore } from './postgres-event-store';
import { openMigratedStore } from './testing/migrated-store';
import type { TestDatabase } from '@tenure/testing';

// Runs this repository's TypeScript in a child process (see the file for why).
const REGISTER_TYPESCRIPT = path.join(__dirname, '..', '..', 'platform', 'src', 'testing', 'register-typescript.js');
const CHILD = path.join(__dirname, 'testing', 'leased-process-child.ts');

/** Two service instances, each its own process, with one leased process each, on one database. */
describe('checkpointed process with leases: two instances, one answers, the other takes over when it is killed', () => {
  let store: PostgresEventStore;
  let database: TestDatabase;
  let close: () => Promise<void>;
  const children: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    ({ store, database, close } = await openMigratedStore(4));
    await store.pool.query('CREATE TABLE handled (seq bigserial, instance text NOT NULL, n int NOT NULL)');
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await close();
  });

  async function startInstance(category: string, instance: string): Promise<ChildProcessWithoutNullStreams> {
    const child = spawn(process.execPath, ['-r', REGISTER_TYPESCRIPT, CHILD, database.url, category, instance], { cwd: __dirname });
    children.push(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()).includes('ready') && resolve());
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`${instance} exited with ${code} before it was ready: ${output}`)));
    });
    return child;
  }

  async function handled(): Promise<{ instance: string; n: number }[]> {
    return (await store.pool.query<{ instance: string; n: number }>('SELECT instance, n FROM handled ORDER BY seq')).rows;
  }

  async function untilHandled(count: number, timeoutMs = 20_000): Promise<{ instance: string; n: number }[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await handled();
      if (rows.length >= count || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('given two instances, when events arrive, then one answers each exactly once; when it is killed, the other continues from its checkpoint', async () => {
    // Given: two instances, both running the same leased process.
    const category = uniqueCategory();
    const stream = uniqueStream(category);
    const instances = { a: await startInstance(category, 'a'), b: await startInstance(category, 'b') };

    // When: ten events, appended in five commits.
    for (let n = 1; n <= 10; n += 2)
      await store.appendToStream(
        stream,
        newEvents(2, 'Counted', (i) => ({ n: n + i })),
      );
    const before = await untilHandled(10);

    // Then: each answered once, all by one instance.
    expect(before.map((row) => row.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const holder = before[0]!.instance as 'a' | 'b';
    const other = holder === 'a' ? 'b' : 'a';
    expect(new Set(before.map((row) => row.instance))).toEqual(new Set([holder]));

    // When: the instance answering is killed, and ten more events arrive.
    instances[holder].kill('SIGKILL');
    await new Promise((resolve) => instances[holder].once('exit', resolve));
    for (let n = 11; n <= 20; n += 2)
      await store.appendToStream(
        stream,
        newEvents(2, 'Counted', (i) => ({ n: n + i })),
      );
    const after = await untilHandled(20);

    // Then: the other answered exactly the new ones, from the checkpoint: nothing lost, nothing twice.
    expect(after.slice(10)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => ({ instance: other, n })));
    expect(after).toHaveLength(20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await handled()).toHaveLength(20);
  }, 60_000);
});
