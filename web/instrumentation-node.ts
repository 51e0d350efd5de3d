import { startTracing, stopTracing } from '@tenure/tracing';

// Imported by instrumentation.ts in the Node.js runtime only. Without the OpenTelemetry variables (see
// `tracesWanted`) nothing is started. With them, Next.js makes its own spans (the request, the rendering)
// under the tracer provider registered here, and the fetch (undici) instrumentation sends `traceparent`
// with every call to the gateway: a trace starts at the portal.
if (startTracing('tenure-portal')) {
  // The undici span carries the call and its traceparent; Next.js's own fetch span would be a second one for the same call.
  process.env['NEXT_OTEL_FETCH_DISABLED'] ??= '1';
  // Next.js exits on these signals once it has closed the server, waiting for no one else: the spans
  // still buffered go out if they make it by then. With NEXT_MANUAL_SIG_HANDLE Next.js leaves the signals
  // to the application, and a listener here would keep the process from ending.
  if (!process.env['NEXT_MANUAL_SIG_HANDLE']) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stopTracing());
  }
}
