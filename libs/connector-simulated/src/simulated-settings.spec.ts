import { parseSimulatedSaasSettings } from './simulated-settings';

describe('simulated SaaS settings', () => {
  it('given only an application name, when parsed, then faults are off and every operation is on', () => {
    expect(parseSimulatedSaasSettings({ application: 'chat' })).toEqual({
      application: 'chat',
      entitlements: [],
      latencyMs: 0,
      errorRate: 0,
      timeoutRate: 0,
      rateLimit: null,
      seed: 1,
      capabilities: {},
    });
  });

  it('given rates outside 0..1 or adding up to more than 1, when parsed, then a non-retryable invalid error says which', () => {
    expect(() => parseSimulatedSaasSettings({ application: 'chat', errorRate: 1.5 })).toThrow(
      expect.objectContaining({ kind: 'invalid', retryable: false, message: expect.stringContaining('errorRate') }),
    );
    expect(() => parseSimulatedSaasSettings({ application: 'chat', errorRate: 0.6, timeoutRate: 0.6 })).toThrow(
      /errorRate \+ timeoutRate must not exceed 1/,
    );
    expect(() => parseSimulatedSaasSettings({})).toThrow(/application/);
  });
});
