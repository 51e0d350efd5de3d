import { activeTraceContext, inSpan } from './trace-context';
import { startTracing, tracingStarted } from './start-tracing';

describe('startTracing', () => {
  it('given no OpenTelemetry variables, when started, then no SDK starts and spans are no-ops that carry no trace context', async () => {
    const started = startTracing('tenure-test', { PATH: '/usr/bin' });

    expect(started).toBeUndefined();
    expect(tracingStarted()).toBe(false);
    expect(await inSpan('tenure.handle Something', {}, async () => activeTraceContext())).toBeUndefined();
  });
});
