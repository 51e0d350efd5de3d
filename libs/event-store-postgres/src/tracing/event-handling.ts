import { withCorrelationId, type RecordedEvent } from '@tenure/event-sourcing';
import { continuingTrace, inSpan, type SpanAttributes, type TraceCarrier } from '@tenure/tracing';

/**
 * Runs a subscriber's handling of a batch of events (a projection's, a process manager's) as part of
 * the work that appended them:
 *
 * - one span, `tenure.handle <event type>`: a child of the trace the events were appended in when
 *   they share one (a lone event, or the events of one request), so a request and what the
 *   background does about it read as one trace; otherwise a trace of its own linked to each of theirs;
 * - the events' correlation id, when they share one, for the log lines written meanwhile and as
 *   the default of the events appended in reaction (`CommandContext.correlationId`).
 *
 * Without traces on, the span is a no-op.
 */
export function handlingEvents<T>(subscription: string, events: readonly RecordedEvent[], work: () => Promise<T>): Promise<T> {
  const traces = distinct(events.map((event) => event.metadata.trace).filter((trace) => trace !== undefined));
  const correlationId = shared(events.map((event) => event.metadata.correlationId));
  const type = shared(events.map((event) => event.type));
  const handle = () =>
    continuingTrace(traces.length === 1 ? traces[0] : undefined, () =>
      inSpan(
        `tenure.handle ${type ?? 'events'}`,
        {
          kind: 'consumer',
          attributes: attributesOf(subscription, events, correlationId, type),
          ...(traces.length > 1 ? { links: traces } : {}),
        },
        work,
      ),
    );
  return correlationId === undefined ? handle() : withCorrelationId(correlationId, handle);
}

/** Runs the answer to one event with the event's correlation id (inside a batch of several that do not share one). */
export function answeringEvent<T>(event: RecordedEvent, work: () => T): T {
  return withCorrelationId(event.metadata.correlationId, work);
}

function attributesOf(
  subscription: string,
  events: readonly RecordedEvent[],
  correlationId: string | undefined,
  type: string | undefined,
): SpanAttributes {
  const stream = shared(events.map((event) => event.streamId));
  return {
    'tenure.subscription': subscription,
    'tenure.event.count': events.length,
    ...(type === undefined ? {} : { 'tenure.event.type': type }),
    ...(stream === undefined ? {} : { 'tenure.event.stream': stream }),
    ...(events.length === 1 ? { 'tenure.event.id': events[0]!.metadata.eventId } : {}),
    ...(correlationId === undefined ? {} : { 'tenure.correlation_id': correlationId }),
  };
}

/** The one value all share, or undefined when they differ. */
function shared(values: readonly string[]): string | undefined {
  return values.length > 0 && values.every((value) => value === values[0]) ? values[0] : undefined;
}

/** One context per trace (W3C `traceparent` is `version-traceid-spanid-flags`): events of one request continue one trace. */
function distinct(traces: readonly TraceCarrier[]): TraceCarrier[] {
  const byTraceId = new Map<string, TraceCarrier>();
  for (const trace of traces) {
    const traceId = trace['traceparent']?.split('-')[1];
    if (traceId && !byTraceId.has(traceId)) byTraceId.set(traceId, trace);
  }
  return [...byTraceId.values()];
}
