import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tenureInstrumentations } from './instrumentations';
import type { RunningTracing } from './start-tracing';
import { UntracedRequestsFilter } from './untraced-requests';

/**
 * The OpenTelemetry SDK: spans batched and sent as OTLP over HTTP (JSON), to the endpoint the
 * exporter reads from the environment (`OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`, or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`; headers, timeout and compression likewise), W3C trace context
 * propagated, the instrumentations of `tenureInstrumentations`, and no traces of health probes or
 * metrics scrapes.
 */
export function startSdk(serviceName: string): RunningTracing {
  const provider = new NodeTracerProvider({
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over the process's own name.
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': serviceName }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new UntracedRequestsFilter(new BatchSpanProcessor(new OTLPTraceExporter()))],
  });
  provider.register();
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: tenureInstrumentations() });
  return {
    async stop() {
      unregister();
      await provider.shutdown();
    },
  };
}
