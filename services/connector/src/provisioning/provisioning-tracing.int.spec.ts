import { operationStreamId } from '@tenure/contracts';
import { withCorrelationId } from '@tenure/event-sourcing';
import { addAssignment, hire, TestClock, waitFor } from '@tenure/testing';
import { inSpan } from '@tenure/tracing';
import { recordSpans, type RecordedSpans } from '@tenure/tracing/testing';
import { grantOperationId } from '../domain/operation';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// A request's assignment, followed to the target: the planner's handling, the operation's run and
// the connector's call continue the request's trace, and the outcome carries the assignment's
// correlation id (the test helper names its own, 'test', which wins over the request's).
describe('provisioning in the trace of the request that caused it', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  let spans: RecordedSpans;

  beforeAll(async () => {
    spans = recordSpans();
    harness = await startProvisioningHarness(clock);
  });
  afterAll(async () => {
    await harness.stop();
    await spans.stop();
  });

  it('given an assignment added in a traced request, when it is provisioned, then the run and the connector call are spans of that trace, with application and action', async () => {
    await harness.registerSimulated('traced', { entitlements: ['member'] });
    const identityId = await hire(harness.store, { employeeNumber: '42001', department: 'Sales' });

    await withCorrelationId('req-provision', () =>
      inSpan('POST /graphql', {}, () =>
        addAssignment(harness.store, { assignmentId: 'a-traced', identityId, applicationId: 'traced', entitlementKey: 'member' }),
      ),
    );
    // The run's span ends after the call's (its child): wait for both.
    const { call, run } = await waitFor(
      'the connector call and the run',
      async () => {
        harness.runtime.provisioning.kick();
        const ended = spans.ended();
        const [call, run] = ['tenure.connector.call', 'tenure.provision grant'].map((name) => ended.find((span) => span.name === name));
        return call && run ? { call, run } : undefined;
      },
      30_000,
      50,
    );

    const request = spans.ended().find((span) => span.name === 'POST /graphql')!;
    const planned = spans
      .ended()
      .find((span) => span.name === 'tenure.handle AssignmentAdded' && span.spanContext().traceId === request.spanContext().traceId);
    expect(planned).toBeDefined();
    expect(run.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(run.attributes).toMatchObject({
      'tenure.application': 'traced',
      'tenure.action': 'grant',
      'tenure.operation_id': grantOperationId('a-traced'),
      'tenure.correlation_id': 'test',
    });
    expect(call.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
    expect(call.attributes).toEqual({ 'tenure.application': 'traced', 'tenure.action': 'grant', 'tenure.outcome': 'succeeded' });
    const outcome = await harness.store.readStream(operationStreamId(grantOperationId('a-traced')));
    expect(outcome.map((event) => [event.type, event.metadata.correlationId])).toEqual(
      expect.arrayContaining([
        ['OperationRequested', 'test'],
        ['EntitlementGranted', 'test'],
      ]),
    );
  });
});
