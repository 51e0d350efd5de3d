import { tracesWanted } from './traces-wanted';

describe('tracesWanted', () => {
  it('given nothing set, then traces are off', () => {
    expect(tracesWanted({})).toBe(false);
  });

  it('given an OTLP endpoint, for all signals or for traces, then traces are on', () => {
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  });

  it('given OTEL_TRACES_EXPORTER=otlp without an endpoint, then traces are on (the SDK default endpoint)', () => {
    expect(tracesWanted({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracesWanted({ OTEL_TRACES_EXPORTER: 'console, OTLP' })).toBe(true);
  });

  it('given an endpoint but the SDK disabled or the exporter none, then traces are off', () => {
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it('given empty values, then traces are off', () => {
    expect(tracesWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ', OTEL_TRACES_EXPORTER: '' })).toBe(false);
  });
});
