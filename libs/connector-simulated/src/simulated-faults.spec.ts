import { contractAccountSpec } from '@tenure/connector-contract';
import { ConnectorError, type ConnectorErrorKind } from '@tenure/connector-sdk';
import { createSimulatedSaasConnector } from './create-simulated-saas-connector';
import type { SimulatedTime } from './simulated-network';
import { SimulatedTargets } from './simulated-targets';

/** Time that only moves when the test (or a simulated round trip) moves it. */
function manualTime(): SimulatedTime & { advance(ms: number): void } {
  let now = 1_000_000;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

type Outcome = ConnectorErrorKind | 'ok';

/** Each call's outcome; anything but success or a retryable ConnectorError fails the test. */
async function outcomes(settings: Record<string, unknown>, calls: number): Promise<Outcome[]> {
  const connector = createSimulatedSaasConnector(
    { application: 'faulty', ...settings },
    { targets: new SimulatedTargets(), time: manualTime() },
  );
  const seen: Outcome[] = [];
  for (let i = 0; i < calls; i += 1) {
    try {
      await connector.getAccount(`user${i}`);
      seen.push('ok');
    } catch (error) {
      if (!(error instanceof ConnectorError) || !error.retryable) throw error;
      seen.push(error.kind);
    }
  }
  return seen;
}

const count = (seen: readonly Outcome[], kind: Outcome) => seen.filter((outcome) => outcome === kind).length;

describe('simulated SaaS faults', () => {
  it('given an error rate of 20%, when calling 2,000 times, then about 400 calls fail as retryable unavailable and the rest succeed', async () => {
    const seen = await outcomes({ errorRate: 0.2, seed: 42 }, 2000);

    expect(count(seen, 'unavailable')).toBeGreaterThan(340);
    expect(count(seen, 'unavailable')).toBeLessThan(460);
    expect(count(seen, 'unavailable') + count(seen, 'ok')).toBe(2000);
  });

  it('given 10% timeouts and 10% errors, when calling 2,000 times, then each kind shows up at about its rate', async () => {
    const seen = await outcomes({ timeoutRate: 0.1, errorRate: 0.1, seed: 7 }, 2000);

    for (const kind of ['timeout', 'unavailable'] as const) {
      expect(count(seen, kind)).toBeGreaterThan(150);
      expect(count(seen, kind)).toBeLessThan(250);
    }
    expect(count(seen, 'ok') + count(seen, 'timeout') + count(seen, 'unavailable')).toBe(2000);
  });

  it('given the same seed, when replaying the same calls, then the same calls fail the same way; another seed fails elsewhere', async () => {
    const settings = { timeoutRate: 0.1, errorRate: 0.2 };

    const first = await outcomes({ ...settings, seed: 3 }, 300);
    const replay = await outcomes({ ...settings, seed: 3 }, 300);
    const other = await outcomes({ ...settings, seed: 4 }, 300);

    expect(replay).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('given no faults configured, when calling many times, then every call succeeds', async () => {
    expect(count(await outcomes({}, 500), 'ok')).toBe(500);
  });

  it('given a limit of 5 calls a second, when a sixth comes in the same second, then it is rate-limited with the wait until the window ends', async () => {
    const time = manualTime();
    const connector = createSimulatedSaasConnector({ application: 'limited', rateLimit: 5 }, { targets: new SimulatedTargets(), time });

    for (let i = 0; i < 5; i += 1) await connector.testConnection();
    time.advance(300);
    const attempt = connector.testConnection();

    await expect(attempt).rejects.toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 700 });
    time.advance(700);
    await expect(connector.testConnection()).resolves.toBeUndefined();
  });

  it('given a latency, when calling, then each call takes that long', async () => {
    const time = manualTime();
    const connector = createSimulatedSaasConnector({ application: 'slow', latencyMs: 5 }, { targets: new SimulatedTargets(), time });
    const start = time.now();

    for (let i = 0; i < 10; i += 1) await connector.getAccount('nobody');

    expect(time.now() - start).toBe(50);
  });

  it('given every call times out, when creating accounts, then about half were applied anyway, so retries must be idempotent', async () => {
    const targets = new SimulatedTargets();
    const connector = createSimulatedSaasConnector({ application: 'lossy', timeoutRate: 1, seed: 11 }, { targets, time: manualTime() });

    for (let i = 0; i < 400; i += 1) {
      await expect(connector.createAccount(contractAccountSpec(`user${i}`))).rejects.toMatchObject({ kind: 'timeout', retryable: true });
    }

    const applied = targets.get('lossy')!.accountCount;
    expect(applied).toBeGreaterThan(150);
    expect(applied).toBeLessThan(250);
  });

  it('given an operation switched off, when it is called on a faulty application, then it fails as unsupported before any fault', async () => {
    const connector = createSimulatedSaasConnector(
      { application: 'no-delete', errorRate: 1, capabilities: { deleteAccount: false } },
      { targets: new SimulatedTargets(), time: manualTime() },
    );

    await expect(connector.deleteAccount('someone')).rejects.toMatchObject({ kind: 'unsupported', retryable: false });
    expect(connector.capabilities).toMatchObject({ deleteAccount: false, createAccount: true });
  });
});
