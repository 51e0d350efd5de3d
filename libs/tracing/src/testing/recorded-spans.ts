import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';

export interface RecordedSpans {
  /** The spans ended so far, in the order they ended. */
  ended(): readonly ReadableSpan[];
  stop(): Promise<void>;
}

/**
 * Registers a tracer provider that keeps ended spans in memory (context in AsyncLocalStorage, W3C
 * propagation), for tests of code that makes spans, in this test file's globals only.
 */
export function recordSpans(): RecordedSpans {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  return {
    ended: () => exporter.getFinishedSpans(),
    async stop() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
