import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { tenureInstrumentations } from './instrumentations';
import { recordSpans, type RecordedSpans } from './testing';
import { inSpan } from './trace-context';

describe('the instrumentations', () => {
  let spans: RecordedSpans;
  let unregister: () => void;
  let target: Server;
  /** The headers of every request `target` received. */
  let received: IncomingHttpHeaders[];
  let url: string;

  beforeEach(async () => {
    spans = recordSpans();
    unregister = registerInstrumentations({ instrumentations: tenureInstrumentations() });
    received = [];
    target = createServer((request, response) => {
      received.push(request.headers);
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/graphql`;
  });

  afterEach(async () => {
    unregister();
    await spans.stop();
    await new Promise((resolve) => target.close(resolve));
  });

  it('given a span in progress, when the code calls out with fetch, then the call is its child and carries the trace context', async () => {
    await inSpan('render page', {}, () => fetch(url, { method: 'POST' }));

    const [call, page] = spans.ended();
    expect(call!.spanContext().traceId).toBe(page!.spanContext().traceId);
    expect(call!.parentSpanContext?.spanId).toBe(page!.spanContext().spanId);
    expect(call!.attributes['url.full']).toBe(url);
    expect(received[0]!['traceparent']).toBe(`00-${page!.spanContext().traceId}-${call!.spanContext().spanId}-01`);
  });

  it('given no span in progress, when the code calls out with fetch, then there is no span and no trace context goes out', async () => {
    await fetch(url, { method: 'POST' });

    expect(spans.ended()).toEqual([]);
    expect(received).toHaveLength(1);
    expect(received[0]!['traceparent']).toBeUndefined();
  });
});
