import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { waitFor } from '@tenure/testing';
import { openMigratedStore, type MigratedStore } from '../testing/migrated-store';
import { startCheckpointSchedule } from './checkpoint-schedule';

const HOUR = 3_600_000;

describe('the checkpoint schedule', () => {
  let opened: MigratedStore;
  let now: Date;
  const logged: { level: 'info' | 'error'; message: string }[] = [];
  const log = {
    info: (_: Record<string, unknown>, message: string) => logged.push({ level: 'info', message }),
    error: (_: Record<string, unknown>, message: string) => logged.push({ level: 'error', message }),
  };
  const checkpoints = async () =>
    (await opened.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tenure_hash_checkpoints')).rows[0]!.n;

  beforeEach(async () => {
    opened = await openMigratedStore(2);
    now = new Date('2026-11-26T09:00:00Z');
    logged.length = 0;
    await opened.store.appendToStream(`${uniqueCategory()}-a`, newEvents(3));
  });
  afterEach(() => opened.close());

  it('given no checkpoint, when the schedule starts, then it seals the log at once, and again only once the latest is old enough', async () => {
    const schedule = startCheckpointSchedule({ pool: opened.database.pool, now: () => now, everyMs: 24 * HOUR, pollMs: 20, log });
    try {
      await waitFor('the first checkpoint', async () => ((await checkpoints()) === 1 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await checkpoints()).toBe(1);

      now = new Date(now.getTime() + 24 * HOUR);

      await waitFor('the second checkpoint', async () => ((await checkpoints()) === 2 ? true : undefined));
    } finally {
      await schedule.stop();
    }
    expect(logged.filter((entry) => entry.level === 'info')).toHaveLength(2);
  });

  it('given an altered event, when the schedule is due, then it refuses to seal the log and says why', async () => {
    await opened.database.pool.query(`UPDATE tenure_events SET data = '{"n": 999}' WHERE revision = 1`);

    const schedule = startCheckpointSchedule({ pool: opened.database.pool, now: () => now, everyMs: 24 * HOUR, pollMs: 20, log });
    try {
      await waitFor('the refusal', () => (logged.some((entry) => entry.level === 'error') ? true : undefined));
    } finally {
      await schedule.stop();
    }
    expect(await checkpoints()).toBe(0);
    expect(logged[0]?.message).toMatch(/does not verify: no checkpoint is made/);
  });
});
