import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** Polled by orchestrators and Prometheus every few seconds: a trace each would drown the traces that matter. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

/** Whether a request for `url` (path and query) is a probe or a scrape, which no one wants traced. */
export function isUntracedRequest(url: string | undefined): boolean {
  return UNTRACED_PATHS.has((url ?? '').split('?')[0]!);
}

/**
 * Passes spans on to `next`, except the traces of untraced requests whose spans a framework makes itself
 * (Next.js: the http instrumentation's ignore hook never sees those). A trace is dropped when its root
 * is such a request (`http.target`, as Next.js sets it when the span starts); the spans of that trace
 * that end before the root, as its children do, are dropped with it.
 */
export class UntracedRequestsFilter implements SpanProcessor {
  private readonly untracedTraces = new Set<string>();

  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    const target = span.attributes['http.target'];
    if (!span.parentSpanContext && typeof target === 'string' && isUntracedRequest(target)) {
      this.untracedTraces.add(span.spanContext().traceId);
      return;
    }
    if (!this.untracedTraces.has(span.spanContext().traceId)) this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    const { traceId } = span.spanContext();
    if (!this.untracedTraces.has(traceId)) return this.next.onEnd(span);
    if (!span.parentSpanContext) this.untracedTraces.delete(traceId);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
