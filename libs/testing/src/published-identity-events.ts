import { IDENTITY_STREAM_PREFIX, type PublishedHrAttributes, type PublishedIdentityEvent } from '@tenure/contracts';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@tenure/event-sourcing';

/**
 * Identity events as the identity service publishes them (the @tenure/contracts shapes), appended
 * straight to `identity-<employee number>` streams: how tests give policy its copy of who is who.
 */
export interface TestPerson {
  readonly employeeNumber: string;
  readonly department: string;
  readonly title?: string;
  readonly managerEmployeeNumber?: string | null;
  readonly location?: string;
  readonly employmentType?: string;
}

export function identityIdOf(employeeNumber: string): string {
  return `identity-id-${employeeNumber}`;
}

export function attributesOf(person: TestPerson): PublishedHrAttributes {
  return {
    givenName: `Given${person.employeeNumber}`,
    familyName: 'Person',
    email: `p${person.employeeNumber}@example.com`,
    department: person.department,
    title: person.title ?? 'Employee',
    managerEmployeeNumber: person.managerEmployeeNumber ?? null,
    location: person.location ?? 'Paris',
    costCenter: 'CC-1',
    employmentType: person.employmentType ?? 'employee',
    custom: {},
  };
}

/** Hired and active. */
export async function hire(store: EventStore, person: TestPerson): Promise<string> {
  const identityId = identityIdOf(person.employeeNumber);
  const attributes = attributesOf(person);
  await append(store, person.employeeNumber, [
    { type: 'IdentityHired', data: { identityId, employeeNumber: person.employeeNumber, attributes, startDate: '2026-01-05' } },
    { type: 'IdentityActivated', data: { identityId, employeeNumber: person.employeeNumber, attributes, lifecycle: 'joiner' } },
  ]);
  return identityId;
}

/** A mover: `after` holds the changed attributes. */
export async function move(store: EventStore, employeeNumber: string, after: Partial<PublishedHrAttributes>): Promise<void> {
  await append(store, employeeNumber, [
    {
      type: 'IdentityMoved',
      data: { identityId: identityIdOf(employeeNumber), effectiveDate: '2026-05-10', before: {}, after, lifecycle: 'mover' },
    },
  ]);
}

export async function terminate(store: EventStore, employeeNumber: string): Promise<void> {
  await append(store, employeeNumber, [
    {
      type: 'IdentityTerminated',
      data: { identityId: identityIdOf(employeeNumber), employeeNumber, terminationDate: '2026-05-10', lifecycle: 'leaver' },
    },
  ]);
}

async function append(store: EventStore, employeeNumber: string, events: readonly PublishedIdentityEvent[]): Promise<void> {
  await store.appendToStream(
    `${IDENTITY_STREAM_PREFIX}${employeeNumber}`,
    events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(),
        correlationId: 'test',
        causationId: null,
        actor: { kind: 'hr-feed', id: 'test' },
        occurredAt: '2026-05-10T08:00:00.000Z',
      },
    })),
  );
}

/** Rehired (pre-hire again until the start date) and then active. */
export async function rehire(store: EventStore, person: TestPerson): Promise<void> {
  const identityId = identityIdOf(person.employeeNumber);
  const attributes = attributesOf(person);
  await append(store, person.employeeNumber, [
    { type: 'IdentityRehired', data: { identityId, employeeNumber: person.employeeNumber, attributes, startDate: '2026-06-01' } },
    { type: 'IdentityActivated', data: { identityId, employeeNumber: person.employeeNumber, attributes, lifecycle: 'joiner' } },
  ]);
}
