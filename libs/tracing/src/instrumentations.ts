import type { IncomingMessage } from 'node:http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { isUntracedRequest } from './untraced-requests';

/** What the SDK traces: HTTP (in and out), fetch (undici), Express, GraphQL and PostgreSQL. */
export function tenureInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => isUntracedRequest(request.url),
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
