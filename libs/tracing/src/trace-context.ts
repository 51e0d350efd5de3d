import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link } from '@opentelemetry/api';

/**
 * A span named the way W3C trace context names it across processes (`traceparent`, and `tracestate`
 * when there is one): what an event stores so that whoever handles it later continues the trace.
 */
export type TraceCarrier = Readonly<Record<string, string>>;

export type SpanAttributes = Readonly<Record<string, string | number | boolean>>;

export interface SpanOptions {
  /** `consumer` for handling an event, `internal` (default) for work within a process. */
  readonly kind?: 'internal' | 'consumer';
  readonly attributes?: SpanAttributes;
  /** Other traces this work belongs to (e.g. every event of a batch). */
  readonly links?: readonly TraceCarrier[];
}

/** The trace context of the span in progress, or undefined when there is none (or tracing is off). */
export function activeTraceContext(): TraceCarrier | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return typeof carrier['traceparent'] === 'string' ? carrier : undefined;
}

/**
 * Runs `work` as a continuation of `parent` (a trace context stored earlier), or of no trace at all
 * when there is none: never of whatever context happens to be active, so background work does not
 * end up inside the request that last woke it.
 */
export function continuingTrace<T>(parent: TraceCarrier | undefined, work: () => T): T {
  return context.with(parent ? propagation.extract(ROOT_CONTEXT, parent) : ROOT_CONTEXT, work);
}

/** Runs `work` in a new span, a child of the active one, ended when the work settles; a failure is recorded on it and rethrown. */
export function inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  // Asked for each span, not kept: a kept tracer stays bound to the first provider it met.
  return trace.getTracer('tenure').startActiveSpan(
    name,
    {
      kind: options.kind === 'consumer' ? SpanKind.CONSUMER : SpanKind.INTERNAL,
      ...(options.attributes ? { attributes: options.attributes } : {}),
      ...(options.links?.length ? { links: options.links.map(linkTo).filter((link): link is Link => link !== undefined) } : {}),
    },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Adds attributes to the span in progress (e.g. an outcome known only at the end). */
export function annotateActiveSpan(attributes: SpanAttributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

function linkTo(carrier: TraceCarrier): Link | undefined {
  const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
  return spanContext && trace.isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}
