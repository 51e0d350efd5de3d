import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, freePort, NodeProcess, waitFor, type TestDatabase } from '@tenure/testing';
import { OtlpReceiver, type ReceivedSpan } from '@tenure/tracing/testing';
import { HeaderRecordingProxy } from './testing/header-recording-proxy';

const REPOSITORY_ROOT = join(__dirname, '..', '..');
const ADMIN_TOKEN = 'traces-e2e-admin-token';
/** The port OTLP/HTTP exporters send to when no endpoint is configured. */
const DEFAULT_OTLP_PORT = 4318;
/** Spans batched for 100 ms instead of 5 s, so a test waits for them no longer than it must. */
const QUICK_EXPORT = { OTEL_BSP_SCHEDULE_DELAY: '100' };

interface RunningPair {
  readonly gateway: string;
  readonly subgraphRequests: HeaderRecordingProxy;
  readonly database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The gateway and the policy service as the launcher runs them (built, each its own process, their
 * mains as they are), with `env` added to both; the gateway reaches the service through a proxy
 * that keeps the headers of every request it passes on.
 */
async function startGatewayAndPolicy(env: Readonly<Record<string, string>>): Promise<RunningPair> {
  const database = await createTestDatabase(2);
  const policyPort = await freePort();
  const policy = NodeProcess.start('policy', join(REPOSITORY_ROOT, 'services', 'policy', 'dist', 'main.js'), {
    ...env,
    PORT: String(policyPort),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    ADMIN_TOKENS: ADMIN_TOKEN,
    LOG_LEVEL: 'info',
  });
  const subgraphRequests = await HeaderRecordingProxy.start(new URL(`http://127.0.0.1:${policyPort}`));
  const gatewayPort = await freePort();
  const gateway = NodeProcess.start('gateway', join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), {
    ...env,
    PORT: String(gatewayPort),
    HOST: '127.0.0.1',
    POLICY_URL: `${subgraphRequests.origin}/graphql`,
    ADMIN_TOKENS: ADMIN_TOKEN,
    LOG_LEVEL: 'info',
  });
  const stop = async () => {
    await Promise.all([gateway.stop(), policy.stop()]);
    await subgraphRequests.stop();
    await database.drop();
  };
  try {
    await gateway.waitForLog('listening', 60_000);
    await policy.waitForLog('background work running', 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { gateway: `http://127.0.0.1:${gatewayPort}`, subgraphRequests, database, stop };
}

/** An administrator's edit of the policy draft through the gateway: one event, `DraftRolePut`, which the policy-draft projection handles. */
async function putRole(gateway: string, roleId: string, correlationId: string): Promise<void> {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, 'x-correlation-id': correlationId },
    body: JSON.stringify({ query: `mutation { putRole(role: { id: "${roleId}", name: "Traced role" }) { changed } }` }),
  });
  expect(await response.json()).toEqual({ data: { putRole: { changed: true } } });
}

async function storedMetadata(database: TestDatabase, type: string): Promise<Record<string, unknown>> {
  const pool = new Pool({ connectionString: database.url, max: 1 });
  try {
    const { rows } = await pool.query<{ metadata: Record<string, unknown> }>('SELECT metadata FROM tenure_events WHERE type = $1', [type]);
    expect(rows).toHaveLength(1);
    return rows[0]!.metadata;
  } finally {
    await pool.end();
  }
}

describe('traces: gateway, subgraph and the background work a request causes', () => {
  jest.setTimeout(180_000);

  it('given OTEL_EXPORTER_OTLP_ENDPOINT, when an administrator edits the policy through the gateway, then the gateway, the policy service and the projection handling the event report one trace', async () => {
    const receiver = await OtlpReceiver.start();
    const pair = await startGatewayAndPolicy({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      ...QUICK_EXPORT,
    });
    try {
      await putRole(pair.gateway, 'traced-role', 'traces-e2e-1');

      const handled = await waitFor(
        'the projection to report handling DraftRolePut',
        () => receiver.spans.find((span) => span.name === 'tenure.handle DraftRolePut'),
        30_000,
        100,
      );
      const request = receiver.spans.find(
        (span) => span.service === 'tenure-gateway' && span.parentSpanId === undefined && span.traceId === handled.traceId,
      );
      expect(request).toBeDefined();
      const trace = receiver.spans.filter((span) => span.traceId === handled.traceId);
      const byId = new Map(trace.map((span) => [span.spanId, span]));
      const parentOf = (span: ReceivedSpan) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined);

      // The subgraph's request continues the gateway's: its parent is the gateway's call to it.
      const subgraphRequest = trace.find((span) => span.service === 'tenure-policy' && parentOf(span)?.service === 'tenure-gateway');
      expect(subgraphRequest).toBeDefined();
      expect(pair.subgraphRequests.received.some((headers) => String(headers['traceparent']).includes(handled.traceId))).toBe(true);
      // The GraphQL and PostgreSQL instrumentations are on in the service.
      expect(trace.some((span) => span.service === 'tenure-policy' && span.name.startsWith('graphql.'))).toBe(true);
      expect(trace.some((span) => span.service === 'tenure-policy' && span.name.startsWith('pg.'))).toBe(true);

      // The projection's handling is in the same trace, under the policy service's handling of the request.
      expect(handled.service).toBe('tenure-policy');
      expect(parentOf(handled)?.service).toBe('tenure-policy');
      expect(handled.attributes).toMatchObject({
        'tenure.subscription': 'policy-draft',
        'tenure.event.type': 'DraftRolePut',
        'tenure.event.stream': 'policy-set',
        'tenure.correlation_id': 'traces-e2e-1',
      });

      // The event keeps the request's correlation id and the trace it was appended in.
      const metadata = await storedMetadata(pair.database, 'DraftRolePut');
      expect(metadata['correlationId']).toBe('traces-e2e-1');
      expect((metadata['trace'] as Record<string, string>)['traceparent']).toMatch(new RegExp(`^00-${handled.traceId}-[0-9a-f]{16}-01$`));
      expect(receiver.refused).toEqual([]);
    } finally {
      await pair.stop();
      await receiver.stop();
    }
  });

  it('given no OpenTelemetry variables, when the same edit is made, then nothing is exported, no trace context is passed on or stored, and the correlation id still is', async () => {
    // Where an exporter would send by default, had tracing started anyway.
    const receiver = await OtlpReceiver.start(DEFAULT_OTLP_PORT);
    const pair = await startGatewayAndPolicy({ ...QUICK_EXPORT });
    try {
      await putRole(pair.gateway, 'untraced-role', 'traces-e2e-2');
      const metadata = await waitFor(
        'the event to be stored',
        async () => (await storedMetadata(pair.database, 'DraftRolePut').catch(() => undefined)) ?? undefined,
        10_000,
        100,
      );

      expect(metadata['correlationId']).toBe('traces-e2e-2');
      expect(metadata['trace']).toBeUndefined();
      expect(pair.subgraphRequests.received.length).toBeGreaterThan(0);
      expect(pair.subgraphRequests.received.every((headers) => headers['traceparent'] === undefined)).toBe(true);
    } finally {
      // Stopping flushes whatever a started SDK would hold: still nothing may arrive.
      await pair.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.spans).toEqual([]);
    expect(receiver.refused).toEqual([]);
    await receiver.stop();
  });
});
