import { TestClock } from '@tenure/testing';
import { CircuitBreaker, CircuitBreakers } from './circuit-breaker';

describe('a circuit breaker', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  const breaker = () => new CircuitBreaker(clock, { failureThreshold: 5, openMs: 30_000 });

  it('given four consecutive failures, when asked, then it still admits up to the limit; the fifth opens it', () => {
    const circuit = breaker();
    for (let i = 0; i < 4; i++) circuit.failed('unavailable', '503');
    expect(circuit.admits(1, 4)).toBe(3);
    circuit.failed('unavailable', '503');
    expect(circuit.view()).toMatchObject({ state: 'open', consecutiveFailures: 5, lastFailure: { kind: 'unavailable' } });
    expect(circuit.admits(0, 4)).toBe(0);
  });

  it('given a success between failures, when counted, then the failures are no longer consecutive', () => {
    const circuit = breaker();
    for (let i = 0; i < 4; i++) circuit.failed('timeout', 'slow');
    circuit.succeeded();
    circuit.failed('timeout', 'slow');
    expect(circuit.view()).toMatchObject({ state: 'closed', consecutiveFailures: 1 });
  });

  it('given an open circuit, when 30 s passed, then one trial goes through; its success closes the circuit', () => {
    const circuit = breaker();
    for (let i = 0; i < 5; i++) circuit.failed('unavailable', '503');
    clock.advance(30_000);
    expect(circuit.view().state).toBe('half-open');
    expect(circuit.admits(0, 4)).toBe(1);
    circuit.started();
    expect(circuit.admits(1, 4)).toBe(0);
    circuit.succeeded();
    expect(circuit.view()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(circuit.admits(0, 4)).toBe(4);
  });

  it('given a half-open circuit, when the trial fails, then it opens again for another 30 s', () => {
    const circuit = breaker();
    for (let i = 0; i < 5; i++) circuit.failed('unavailable', '503');
    clock.advance(30_000);
    circuit.started();
    circuit.failed('unavailable', 'still 503');
    expect(circuit.view()).toMatchObject({ state: 'open', openedAt: clock.now() });
    clock.advance(29_999);
    expect(circuit.admits(0, 4)).toBe(0);
  });

  it('given one target failing and one answering, when summarised for /ready, then each circuit is listed with its state and no error text', () => {
    const circuits = new CircuitBreakers(clock, { failureThreshold: 5, openMs: 30_000 });
    for (let i = 0; i < 5; i++) circuits.of('erp').failed('unavailable', '503 from https://erp.example/secret-path');
    circuits.of('directory').succeeded();

    const summary = circuits.summary();

    expect(summary).toEqual([
      { applicationId: 'erp', circuit: 'open', consecutiveFailures: 5, retryAt: new Date(clock.now().getTime() + 30_000).toISOString() },
      { applicationId: 'directory', circuit: 'closed', consecutiveFailures: 0, retryAt: null },
    ]);
    expect(JSON.stringify(summary)).not.toContain('secret-path');
  });
});
