import { runInterleavedRounds, type Contender } from './interleaved-rounds';

function recordingContender(name: string, order: string[], operations = 10, elapsedMs = 20): Contender {
  return {
    name,
    async runRound(round) {
      order.push(`${round}:${name}`);
      return { operations, elapsedMs, latencies: [round + 1] };
    },
  };
}

describe('runInterleavedRounds', () => {
  it('rotates which contender goes first in each round', async () => {
    const order: string[] = [];
    await runInterleavedRounds(3, [
      recordingContender('raw', order),
      recordingContender('store', order),
      recordingContender('notify', order),
    ]);
    expect(order).toEqual(['0:raw', '0:store', '0:notify', '1:store', '1:notify', '1:raw', '2:notify', '2:raw', '2:store']);
  });

  it('adds up operations, time and latencies per contender and keeps each round rate', async () => {
    const order: string[] = [];
    const totals = await runInterleavedRounds(2, [recordingContender('raw', order, 10, 20), recordingContender('store', order, 5, 50)]);
    expect(totals.get('raw')).toEqual({ operations: 20, elapsedMs: 40, latencies: [1, 2], roundRates: [500, 500] });
    expect(totals.get('store')).toEqual({ operations: 10, elapsedMs: 100, latencies: [1, 2], roundRates: [100, 100] });
  });
});
