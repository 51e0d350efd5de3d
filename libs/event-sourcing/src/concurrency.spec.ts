import { forEachGroupConcurrently } from './concurrency';

describe('forEachGroupConcurrently', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('given items of several keys, when run, then each key keeps its order and different keys run side by side', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;

    await forEachGroupConcurrently(
      ['a1', 'b1', 'a2', 'c1', 'b2'],
      (item) => item[0]!,
      3,
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        log.push(item);
        running -= 1;
      },
    );

    expect(log.filter((item) => item.startsWith('a'))).toEqual(['a1', 'a2']);
    expect(log.filter((item) => item.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(log).toHaveLength(5);
    expect(most).toBe(3);
  });

  it('given a failing item, when run, then it rejects with that failure and starts no more groups', async () => {
    const done: string[] = [];

    const run = forEachGroupConcurrently(
      ['a', 'b', 'c', 'd'],
      (item) => item,
      1,
      async (item) => {
        if (item === 'b') throw new Error('b failed');
        done.push(item);
      },
    );

    await expect(run).rejects.toThrow('b failed');
    expect(done).toEqual(['a']);
  });
});
