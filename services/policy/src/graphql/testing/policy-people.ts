import { randomUUID } from 'node:crypto';
import { IDENTITY_STREAM_PREFIX, type PublishedHrAttributes, type PublishedIdentityEvent } from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';

export interface Person {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly department: string;
  readonly title: string;
  readonly managerEmployeeNumber: string | null;
}

/** A person as the identity service would publish them; ids are fresh per test run. */
export function person(employeeNumber: string, department: string, title: string, managerEmployeeNumber: string | null = null): Person {
  return { identityId: randomUUID(), employeeNumber, department, title, managerEmployeeNumber };
}

/**
 * Hires and activates people the way the identity service records it: the published events in
 * their `identity-<employee number>` streams, which the policy service's copy of the directory folds.
 */
export async function publishPeople(store: EventStore, people: readonly Person[]): Promise<void> {
  for (const one of people) {
    const attributes: PublishedHrAttributes = {
      givenName: `Given${one.employeeNumber}`,
      familyName: `Family${one.employeeNumber}`,
      email: `${one.employeeNumber}@example.com`,
      department: one.department,
      title: one.title,
      managerEmployeeNumber: one.managerEmployeeNumber,
      location: 'Berlin',
      costCenter: 'CC-1',
      employmentType: 'employee',
      custom: {},
    };
    const { identityId, employeeNumber } = one;
    const events: PublishedIdentityEvent[] = [
      { type: 'IdentityHired', data: { identityId, employeeNumber, attributes, startDate: '2026-01-05' } },
      { type: 'IdentityActivated', data: { identityId, employeeNumber, attributes, lifecycle: 'joiner' } },
    ];
    const correlationId = randomUUID();
    await store.appendToStream(
      `${IDENTITY_STREAM_PREFIX}${employeeNumber}`,
      events.map((event) => ({
        type: event.type,
        data: event.data,
        metadata: {
          eventId: randomUUID(),
          correlationId,
          causationId: null,
          actor: { kind: 'hr-feed', id: 'policy-graphql-test' },
          occurredAt: '2026-01-05T08:00:00.000Z',
        },
      })),
      { expectedRevision: 'no_stream' },
    );
  }
}
