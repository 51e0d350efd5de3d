import type { Clock } from '@tenure/event-sourcing';
import type { TestDatabase } from '@tenure/testing';
import type { PostgresEventStore } from '../postgres-event-store';
import { openMigratedStore } from '../testing/migrated-store';
import { cancelTimer, pendingTimers, scheduleTimer, type PendingTimer } from './timer-schedule';
import { startTimerWorker, type TimerWorker } from './timer-worker';

/** A clock the test moves by hand. */
function manualClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso) => void (now = new Date(iso)) };
}

describe('durable timers', () => {
  let store: PostgresEventStore;
  let database: TestDatabase;
  let close: () => Promise<void>;
  const workers: TimerWorker[] = [];

  beforeAll(async () => ({ database, store, close } = await openMigratedStore(6)));
  afterEach(async () => void (await Promise.all(workers.splice(0).map((w) => w.stop()))));
  afterAll(() => close());

  function worker(
    kind: string,
    clock: Clock,
    fire: (t: PendingTimer) => Promise<void>,
    concurrency = 1,
    groupOf?: (t: PendingTimer) => string,
  ): TimerWorker {
    const started = startTimerWorker({
      pool: store.pool,
      kind,
      clock,
      fire,
      pollMs: 60_000,
      retryDelayMs: () => 60_000,
      concurrency,
      ...(groupOf ? { groupOf } : {}),
    });
    workers.push(started);
    return started;
  }

  it('given timers due at different times, then only the due ones fire, once, soonest first', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    await scheduleTimer(database.pool, { timerId: 'a', kind: 'k1', dueAt: new Date('2026-11-25T08:00:00Z'), payload: { n: 1 } });
    await scheduleTimer(database.pool, { timerId: 'b', kind: 'k1', dueAt: new Date('2026-11-25T07:00:00Z'), payload: { n: 2 } });
    await scheduleTimer(database.pool, { timerId: 'c', kind: 'k1', dueAt: new Date('2026-11-26T00:00:00Z'), payload: { n: 3 } });
    const fired: unknown[] = [];
    const w = worker('k1', clock, async (t) => void fired.push(t.payload));

    await w.fireDue();
    expect(fired).toEqual([{ n: 2 }, { n: 1 }]);
    await w.fireDue();
    expect(fired).toHaveLength(2);
    expect((await pendingTimers(database.pool, 'k1')).map((t) => t.timerId)).toEqual(['c']);
  });

  it('given a timer fell due while no worker ran, when a worker starts (a restart), then it fires at once', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    await scheduleTimer(database.pool, { timerId: 'late', kind: 'k2', dueAt: new Date('2026-11-25T10:00:00Z'), payload: {} });
    const first = worker('k2', clock, async () => undefined);
    expect(await first.fireDue()).toBe(0);
    await first.stop();

    clock.set('2026-11-27T00:00:00Z'); // the service was down at 10:00
    const fired: string[] = [];
    const second = worker('k2', clock, async (t) => void fired.push(t.timerId));
    await second.fireDue();
    expect(fired).toEqual(['late']);
  });

  it('given the work fails, then the timer stays with its error and is retried later', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    await scheduleTimer(database.pool, { timerId: 'flaky', kind: 'k3', dueAt: new Date('2026-11-25T08:00:00Z'), payload: {} });
    let calls = 0;
    const w = worker('k3', clock, async () => {
      if (++calls === 1) throw new Error('target system down');
    });
    await w.fireDue();
    const [kept] = await pendingTimers(database.pool, 'k3');
    expect(kept).toMatchObject({ timerId: 'flaky', attempts: 1, lastError: 'target system down' });
    expect(kept!.dueAt.toISOString()).toBe('2026-11-25T09:01:00.000Z'); // retried a minute later

    clock.set('2026-11-25T09:02:00Z');
    await w.fireDue();
    expect(calls).toBe(2);
    expect(await pendingTimers(database.pool, 'k3')).toEqual([]);
  });

  it('given two workers of one kind, then each due timer fires exactly once', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    for (let i = 0; i < 40; i++) {
      await scheduleTimer(database.pool, { timerId: `t${i}`, kind: 'k4', dueAt: new Date('2026-11-25T08:00:00Z'), payload: { i } });
    }
    const fired: string[] = [];
    const slowFire = async (t: PendingTimer) => {
      fired.push(t.timerId);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const one = worker('k4', clock, slowFire);
    const two = worker('k4', clock, slowFire);
    await Promise.all([one.fireDue(), two.fireDue()]);
    expect(fired.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `t${i}`).sort());
  });

  it('given a worker that fires several at once, then each due timer fires once, side by side, and a failure keeps only its own timer', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    for (let i = 0; i < 12; i++) {
      await scheduleTimer(database.pool, { timerId: `p${i}`, kind: 'k6', dueAt: new Date('2026-11-25T08:00:00Z'), payload: { i } });
    }
    const fired: string[] = [];
    let running = 0;
    let most = 0;
    const fire = async (t: PendingTimer) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (t.timerId === 'p3') throw new Error('p3 failed');
      fired.push(t.timerId);
    };

    await worker('k6', clock, fire, 4).fireDue();

    expect(fired.sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `p${i}`)
        .filter((id) => id !== 'p3')
        .sort(),
    );
    expect(most).toBe(4);
    expect((await pendingTimers(database.pool, 'k6')).map((t) => [t.timerId, t.lastError])).toEqual([['p3', 'p3 failed']]);
  });

  it('given timers grouped (one aggregate each), then a group fires in due order, one at a time, beside the other groups', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    for (let i = 0; i < 6; i++) {
      const dueAt = new Date(Date.parse('2026-11-25T08:00:00Z') + i * 1_000);
      await scheduleTimer(database.pool, { timerId: `g${i}`, kind: 'k7', dueAt, payload: { group: i % 2 === 0 ? 'even' : 'odd' } });
    }
    const fired: string[] = [];
    const running = new Map<string, number>();
    let overlapWithinGroup = false;
    const groupOf = (t: PendingTimer) => (t.payload as { group: string }).group;
    const fire = async (t: PendingTimer) => {
      const group = groupOf(t);
      running.set(group, (running.get(group) ?? 0) + 1);
      if (running.get(group)! > 1) overlapWithinGroup = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      running.set(group, running.get(group)! - 1);
      fired.push(t.timerId);
    };

    await worker('k7', clock, fire, 4, groupOf).fireDue();

    expect(overlapWithinGroup).toBe(false);
    expect(fired.filter((id) => Number(id.slice(1)) % 2 === 0)).toEqual(['g0', 'g2', 'g4']);
    expect(fired.filter((id) => Number(id.slice(1)) % 2 === 1)).toEqual(['g1', 'g3', 'g5']);
  });

  it('given a timer is rescheduled or cancelled, then the old due time does not fire', async () => {
    const clock = manualClock('2026-11-25T09:00:00Z');
    await scheduleTimer(database.pool, { timerId: 'moved', kind: 'k5', dueAt: new Date('2026-11-25T08:00:00Z'), payload: {} });
    await scheduleTimer(database.pool, { timerId: 'moved', kind: 'k5', dueAt: new Date('2026-12-01T00:00:00Z'), payload: {} });
    await scheduleTimer(database.pool, { timerId: 'gone', kind: 'k5', dueAt: new Date('2026-11-25T08:00:00Z'), payload: {} });
    await cancelTimer(database.pool, 'gone');
    const fired: string[] = [];
    await worker('k5', clock, async (t) => void fired.push(t.timerId)).fireDue();
    expect(fired).toEqual([]);
  });
});
