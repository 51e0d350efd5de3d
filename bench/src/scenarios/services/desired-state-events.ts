import { assignmentsStreamId, IDENTITY_STREAM_PREFIX, type PublishedAssignmentAdded, type PublishedIdentityEvent } from '@tenure/contracts';
import type { EventStore, IdGenerator, NewEvent } from '@tenure/event-sourcing';

/**
 * The events the identity and workflow services would publish, appended straight to the store: the
 * benchmark measures the connector service from the desired state on, not the services upstream.
 */
export class DesiredStateWriter {
  constructor(
    private readonly store: EventStore,
    private readonly ids: IdGenerator,
  ) {}

  /** An active identity, `bench-<employeeNumber>`, with the user name `p<employeeNumber>` the connector derives from its email. */
  async hire(employeeNumber: string): Promise<string> {
    const identityId = `bench-${employeeNumber}`;
    const attributes = {
      givenName: 'Bench',
      familyName: `Person ${employeeNumber}`,
      email: `p${employeeNumber}@bench.example`,
      department: 'Engineering',
      title: 'Engineer',
      managerEmployeeNumber: null,
      location: 'Paris',
      costCenter: 'CC-1',
      employmentType: 'employee',
      custom: {},
    };
    const events: PublishedIdentityEvent[] = [
      { type: 'IdentityHired', data: { identityId, employeeNumber, attributes, startDate: '2026-01-05' } },
      { type: 'IdentityActivated', data: { identityId, employeeNumber, attributes, lifecycle: 'joiner' } },
    ];
    await this.store.appendToStream(
      `${IDENTITY_STREAM_PREFIX}${employeeNumber}`,
      events.map((event) => this.toNew(event)),
    );
    return identityId;
  }

  /** The leaver event, as the identity service publishes it. */
  async terminate(employeeNumber: string): Promise<void> {
    const event: PublishedIdentityEvent = {
      type: 'IdentityTerminated',
      data: { identityId: `bench-${employeeNumber}`, employeeNumber, terminationDate: '2026-06-30', lifecycle: 'leaver' },
    };
    await this.store.appendToStream(`${IDENTITY_STREAM_PREFIX}${employeeNumber}`, [this.toNew(event)]);
  }

  /** One assignment per application, in one append: what a joiner's birthright looks like to the connector. */
  async assign(identityId: string, applicationIds: readonly string[], entitlementKey: string): Promise<void> {
    const events: PublishedAssignmentAdded[] = applicationIds.map((applicationId) => ({
      type: 'AssignmentAdded',
      data: {
        assignmentId: `${identityId}.${applicationId}`,
        identityId,
        applicationId,
        entitlementKey,
        source: { kind: 'birthright', reference: 'bench', policyVersion: 1 },
        validFrom: '2026-01-05T00:00:00.000Z',
        validUntil: null,
      },
    }));
    await this.store.appendToStream(
      assignmentsStreamId(identityId),
      events.map((event) => this.toNew(event)),
    );
  }

  private toNew(event: { type: string; data: unknown }): NewEvent {
    const metadata = {
      eventId: this.ids.newId(),
      correlationId: 'bench',
      causationId: null,
      actor: { kind: 'system' as const, id: 'bench' },
      occurredAt: new Date().toISOString(),
    };
    return { type: event.type, data: event.data, metadata };
  }
}
