import { context, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { isUntracedRequest, UntracedRequestsFilter } from './untraced-requests';

describe('untraced requests', () => {
  let exporter: InMemorySpanExporter;
  let provider: NodeTracerProvider;
  let tracer: Tracer;
  beforeEach(() => {
    exporter = new InMemorySpanExporter();
    provider = new NodeTracerProvider({ spanProcessors: [new UntracedRequestsFilter(new SimpleSpanProcessor(exporter))] });
    tracer = provider.getTracer('test');
  });
  afterEach(() => provider.shutdown());

  /** A request span as Next.js starts one (`http.target` given at start), with one child span ended first. */
  function request(target: string, parent = context.active()): void {
    const span = tracer.startSpan('GET', { kind: SpanKind.SERVER, attributes: { 'http.target': target } }, parent);
    tracer.startSpan('render', {}, trace.setSpan(parent, span)).end();
    span.end();
  }

  it('given probe and scrape paths, with or without a query, then they are untraced, and pages are not', () => {
    expect(['/health', '/ready?verbose=1', '/metrics'].map(isUntracedRequest)).toEqual([true, true, true]);
    expect(['/access', '/healthy', '/', undefined].map(isUntracedRequest)).toEqual([false, false, false, false]);
  });

  it('given a request for /health at the root of a trace, when it and its child end, then neither is exported', () => {
    request('/health');

    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('given a request for a page, when it and its child end, then both are exported', () => {
    request('/access?ended=1');

    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['render', 'GET']);
  });

  it('given a /health request inside a trace of other work, then it is exported: only the root of a trace decides', () => {
    const work = tracer.startSpan('work');
    request('/health', trace.setSpan(context.active(), work));
    work.end();

    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['render', 'GET', 'work']);
  });
});
