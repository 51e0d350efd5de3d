import { OtlpReceiver, type ReceivedSpan } from '@tenure/tracing/testing';
import { PortalBrowser } from './support/portal-browser';
import { eventually, PortalPlatform } from './support/portal-platform';

// Traces starting at the portal: the whole platform as `npm start` runs it (see portal.e2e.spec.ts), told by
// the OpenTelemetry variables to export to a receiver in this test; a person signs in and opens a page.
jest.setTimeout(600_000);

/** 10038 Daniel Cohen, an employee of the demo company. */
const DANIEL = '10038';
/** Spans batched for 100 ms instead of 5 s, so the test waits for them no longer than it must. */
const QUICK_EXPORT = { OTEL_BSP_SCHEDULE_DELAY: '100' };

/** The span's ancestors in the trace, nearest first, as far as they were received. */
function ancestorsOf(span: ReceivedSpan, spans: readonly ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(spans.filter((candidate) => candidate.traceId === span.traceId).map((candidate) => [candidate.spanId, candidate]));
  const parentOf = (child: ReceivedSpan) => (child.parentSpanId ? byId.get(child.parentSpanId) : undefined);
  const ancestors: ReceivedSpan[] = [];
  for (let parent = parentOf(span); parent; parent = parentOf(parent)) ancestors.push(parent);
  return ancestors;
}

describe('traces from the portal, on the launched demo platform', () => {
  it('given OTEL_EXPORTER_OTLP_ENDPOINT, when a person opens My access, then the portal’s request, the gateway’s and the subgraph’s are one trace, started by the portal', async () => {
    const receiver = await OtlpReceiver.start();
    let platform: PortalPlatform | undefined;
    let browser: PortalBrowser | undefined;
    try {
      platform = await PortalPlatform.start({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        ...QUICK_EXPORT,
      });
      browser = await PortalBrowser.launch(platform.portalOrigin, platform.issuer);

      // Sign-in ends on /access, which the portal renders with the gateway's answer to its query.
      await browser.signIn('traces', DANIEL, '/access');

      // The gateway's request span: the gateway's first span below the portal's call to it. The portal's
      // spans arrive as they end, the call before the page, the request last: wait for the whole chain.
      const gatewayRequest = await eventually(
        'the gateway and the portal to report a request the portal made',
        async () =>
          receiver.spans.find((span) => {
            if (span.service !== 'tenure-gateway') return false;
            const ancestors = ancestorsOf(span, receiver.spans);
            return ancestors[0]?.service === 'tenure-portal' && !ancestors.at(-1)!.parentSpanId;
          }),
        30_000,
      );
      const portalSpans = ancestorsOf(gatewayRequest, receiver.spans);
      expect(portalSpans.every((span) => span.service === 'tenure-portal' && span.traceId === gatewayRequest.traceId)).toBe(true);
      // The call to the gateway is the fetch (undici) instrumentation's span, inside Next.js's rendering of the page.
      expect(portalSpans[0]!.attributes['url.full']).toMatch(/\/graphql$/);
      expect(portalSpans.map((span) => span.name)).toContain('render route (app) /access');
      // The trace starts at the portal: its root is Next.js's span of the request for the page.
      const portalRequest = portalSpans.at(-1)!;
      expect(portalRequest.parentSpanId).toBeUndefined();
      expect(portalRequest.attributes).toMatchObject({ 'next.span_type': 'BaseServer.handleRequest', 'http.target': '/access' });
      // And the trace goes on through the gateway to a subgraph.
      await eventually('a subgraph to report its part of the trace', async () =>
        receiver.spans.find(
          (span) => span.traceId === gatewayRequest.traceId && !['tenure-portal', 'tenure-gateway'].includes(span.service),
        ),
      );
      // The launcher's readiness probes of the portal's /health are not traced, as the services' are not.
      expect(receiver.spans.filter((span) => span.service === 'tenure-portal' && span.attributes['http.target'] === '/health')).toEqual([]);
      expect(receiver.refused).toEqual([]);
    } catch (error) {
      await browser?.screenshotOpenPages('traces');
      throw error;
    } finally {
      await browser?.close();
      await platform?.stop();
      await receiver.stop();
    }
  });
});
