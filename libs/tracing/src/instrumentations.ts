import type { IncomingMessage } from 'node:http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** Polled by orchestrators and Prometheus every few seconds: a span each would drown the traces that matter. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

/** What the SDK traces: HTTP (in and out), fetch (undici), Express, GraphQL and PostgreSQL. */
export function tenureInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!),
      // Background loops (log followers, timers, the exporter itself) call out without a trace: not worth a root span each.
      requireParentforOutgoingSpans: true,
    }),
    // Node's global fetch (undici) does not go through http: the portal calls the gateway with it.
    // Like http's outgoing calls, only inside a trace.
    new UndiciInstrumentation({ requireParentforSpans: true }),
    new ExpressInstrumentation(),
    new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    // The log followers poll PostgreSQL all the time; only queries made for traced work are spans.
    new PgInstrumentation({ requireParentSpan: true }),
  ];
}
