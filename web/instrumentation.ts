/**
 * Next.js calls `register` once when the server starts, before it handles a request: where the portal
 * starts OpenTelemetry tracing (instrumentation-node.ts), as the services do in their `tracing.ts`.
 */
export async function register(): Promise<void> {
  // The SDK needs Node.js; Next.js may also call this in the Edge runtime, which the portal does not use.
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}
