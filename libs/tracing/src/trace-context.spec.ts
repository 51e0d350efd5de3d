import { recordSpans, type RecordedSpans } from './testing';
import { activeTraceContext, annotateActiveSpan, continuingTrace, inSpan } from './trace-context';

describe('trace context', () => {
  let spans: RecordedSpans;
  beforeEach(() => (spans = recordSpans()));
  afterEach(() => spans.stop());

  it('given a span in progress, when its context is taken and continued later, then the later span is its child in the same trace', async () => {
    const stored = await inSpan('request', {}, async () => activeTraceContext());
    expect(stored?.['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    await continuingTrace(stored, () =>
      inSpan('tenure.handle Something', { kind: 'consumer', attributes: { 'tenure.subscription': 's' } }, async () => undefined),
    );

    const [request, handled] = spans.ended();
    expect(handled!.spanContext().traceId).toBe(request!.spanContext().traceId);
    expect(handled!.parentSpanContext?.spanId).toBe(request!.spanContext().spanId);
    expect(handled!.attributes).toEqual({ 'tenure.subscription': 's' });
  });

  it('given no stored context, when continued, then the work starts a trace of its own, not a child of the span in progress', async () => {
    await inSpan('request', {}, () => continuingTrace(undefined, () => inSpan('background', {}, async () => undefined)));

    const [background, request] = spans.ended();
    expect(background!.spanContext().traceId).not.toBe(request!.spanContext().traceId);
    expect(background!.parentSpanContext).toBeUndefined();
  });

  it('given links to stored contexts, when a span starts, then it links to each trace', async () => {
    const first = await inSpan('first', {}, async () => activeTraceContext()!);
    const second = await inSpan('second', {}, async () => activeTraceContext()!);

    await continuingTrace(undefined, () => inSpan('batch', { links: [first, second, { traceparent: 'garbage' }] }, async () => undefined));

    const batch = spans.ended().find((span) => span.name === 'batch')!;
    expect(batch.links.map((link) => link.context.traceId)).toEqual([
      spans.ended()[0]!.spanContext().traceId,
      spans.ended()[1]!.spanContext().traceId,
    ]);
  });

  it('given work that fails, when run in a span, then the span records the error and the error reaches the caller', async () => {
    await expect(
      inSpan('failing', {}, async () => {
        annotateActiveSpan({ 'tenure.outcome': 'failed' });
        throw new Error('target down');
      }),
    ).rejects.toThrow('target down');

    const [failing] = spans.ended();
    expect(failing!.status).toEqual({ code: 2, message: 'target down' });
    expect(failing!.attributes['tenure.outcome']).toBe('failed');
    expect(failing!.events.map((event) => event.name)).toEqual(['exception']);
  });
});
