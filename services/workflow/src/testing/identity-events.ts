import { IDENTITY_STREAM_PREFIX, type PublishedHrAttributes, type PublishedIdentityEvent } from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import { appendPublishedEvent, type Publisher } from './published-events';

/**
 * Identity events as the identity service publishes them (the @tenure/contracts shapes), appended
 * straight to `identity-<employee number>` streams: how tests give workflow its copy of who is who.
 */
export interface TestPerson {
  readonly employeeNumber: string;
  readonly department: string;
  readonly title?: string;
  readonly managerEmployeeNumber?: string | null;
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
    location: 'Paris',
    costCenter: 'CC-1',
    employmentType: 'employee',
    custom: {},
  };
}

/** Hired, not started yet: a pre-hire. */
export function hire(store: EventStore, person: TestPerson): Promise<string> {
  const { employeeNumber } = person;
  return append(store, employeeNumber, {
    type: 'IdentityHired',
    data: { identityId: identityIdOf(employeeNumber), employeeNumber, attributes: attributesOf(person), startDate: '2026-06-01' },
  });
}

/** The joiner event: the start date is reached. Returns the event id. */
export function activate(store: EventStore, person: TestPerson): Promise<string> {
  const { employeeNumber } = person;
  return append(store, employeeNumber, {
    type: 'IdentityActivated',
    data: { identityId: identityIdOf(employeeNumber), employeeNumber, attributes: attributesOf(person), lifecycle: 'joiner' },
  });
}

export async function hireAndActivate(store: EventStore, person: TestPerson): Promise<string> {
  await hire(store, person);
  return activate(store, person);
}

/** A mover: `after` holds the changed attributes. */
export function move(store: EventStore, employeeNumber: string, after: Partial<PublishedHrAttributes>): Promise<string> {
  return append(store, employeeNumber, {
    type: 'IdentityMoved',
    data: { identityId: identityIdOf(employeeNumber), effectiveDate: '2026-06-10', before: {}, after, lifecycle: 'mover' },
  });
}

export function startLeave(store: EventStore, employeeNumber: string): Promise<string> {
  return append(store, employeeNumber, { type: 'IdentityLeaveStarted', data: { identityId: identityIdOf(employeeNumber) } });
}

export function returnFromLeave(store: EventStore, employeeNumber: string): Promise<string> {
  return append(store, employeeNumber, { type: 'IdentityReturnedFromLeave', data: { identityId: identityIdOf(employeeNumber) } });
}

export function terminate(store: EventStore, employeeNumber: string): Promise<string> {
  return append(store, employeeNumber, {
    type: 'IdentityTerminated',
    data: { identityId: identityIdOf(employeeNumber), employeeNumber, terminationDate: '2026-06-30', lifecycle: 'leaver' },
  });
}

export function rehire(store: EventStore, person: TestPerson): Promise<string> {
  const { employeeNumber } = person;
  return append(store, employeeNumber, {
    type: 'IdentityRehired',
    data: { identityId: identityIdOf(employeeNumber), employeeNumber, attributes: attributesOf(person), startDate: '2026-09-01' },
  });
}

const HR_FEED: Publisher = { actor: { kind: 'hr-feed', id: 'test' }, correlationPrefix: 'hr' };

function append(store: EventStore, employeeNumber: string, event: PublishedIdentityEvent): Promise<string> {
  return appendPublishedEvent(store, `${IDENTITY_STREAM_PREFIX}${employeeNumber}`, event, HR_FEED, '2026-06-01T08:00:00.000Z');
}
