/**
 * The identity service's lifecycle events as other contexts may rely on them: the published part
 * of each event (the identity service may add fields, never remove or change these). Consumers
 * fold these from the `identity-` streams to keep their own copy of who is who; the identity
 * service checks at compile time that its events still satisfy this contract.
 */

import { erasePersonalAttributes, PERSONAL_DATA_ERASED } from './personal-data';

export const IDENTITY_STREAM_PREFIX = 'identity-';

export interface PublishedHrAttributes {
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly department: string;
  readonly title: string;
  readonly managerEmployeeNumber: string | null;
  readonly location: string;
  readonly costCenter: string;
  readonly employmentType: string;
  readonly custom: Readonly<Record<string, string>>;
}

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** Hired (pre-hire until the start date) or rehired: the identity's attributes as of now. */
export type PublishedIdentityHired = Published<
  'IdentityHired' | 'IdentityRehired',
  { readonly identityId: string; readonly employeeNumber: string; readonly attributes: PublishedHrAttributes; readonly startDate: string }
>;

/** Joiner: the start date is reached, the person is active. */
export type PublishedIdentityActivated = Published<
  'IdentityActivated',
  { readonly identityId: string; readonly employeeNumber: string; readonly attributes: PublishedHrAttributes; readonly lifecycle: 'joiner' }
>;

/** Mover (department, title, manager or cost center) or another update: `after` holds exactly the changed attributes. */
export type PublishedIdentityChanged = Published<
  'IdentityMoved' | 'IdentityAttributesUpdated',
  {
    readonly identityId: string;
    readonly effectiveDate: string;
    readonly before: Partial<PublishedHrAttributes>;
    readonly after: Partial<PublishedHrAttributes>;
    readonly lifecycle: 'mover' | 'update';
  }
>;

export type PublishedLeave = Published<'IdentityLeaveStarted' | 'IdentityReturnedFromLeave', { readonly identityId: string }>;

/** Leaver: all access must go. */
export type PublishedIdentityTerminated = Published<
  'IdentityTerminated',
  { readonly identityId: string; readonly employeeNumber: string; readonly terminationDate: string; readonly lifecycle: 'leaver' }
>;

export type PublishedIdentityEvent =
  PublishedIdentityHired | PublishedIdentityActivated | PublishedIdentityChanged | PublishedLeave | PublishedIdentityTerminated;

export const PUBLISHED_IDENTITY_EVENT_TYPES: readonly PublishedIdentityEvent['type'][] = [
  'IdentityHired',
  'IdentityRehired',
  'IdentityActivated',
  'IdentityMoved',
  'IdentityAttributesUpdated',
  'IdentityLeaveStarted',
  'IdentityReturnedFromLeave',
  'IdentityTerminated',
];

export type PublishedIdentityStatus = 'pre-hire' | 'active' | 'on-leave' | 'terminated';

/** One identity as a consumer folds it from the published events. */
export interface IdentitySnapshot {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly status: PublishedIdentityStatus;
  readonly attributes: PublishedHrAttributes;
}

/**
 * Folds one published event into a consumer's snapshot (null before the hire). Events of other
 * types in the identity streams (schedules, start-date changes...) change nothing a consumer sees
 * until their effect is published, so they are ignored here.
 */
export function foldIdentityEvent(
  snapshot: IdentitySnapshot | null,
  event: { readonly type: string; readonly data: unknown },
): IdentitySnapshot | null {
  // Erasure is not a lifecycle event (it is not in PUBLISHED_IDENTITY_EVENT_TYPES, so it triggers no
  // process), but every copy of the person's attributes must lose its personal fields on it.
  if (event.type === PERSONAL_DATA_ERASED) return snapshot && { ...snapshot, attributes: erasePersonalAttributes(snapshot.attributes) };
  const published = event as PublishedIdentityEvent;
  switch (published.type) {
    case 'IdentityHired':
    case 'IdentityRehired': {
      const { identityId, employeeNumber, attributes } = published.data;
      return { identityId, employeeNumber, status: 'pre-hire', attributes };
    }
    case 'IdentityActivated': {
      const { identityId, employeeNumber, attributes } = published.data;
      return { identityId, employeeNumber, status: 'active', attributes };
    }
    case 'IdentityMoved':
    case 'IdentityAttributesUpdated':
      return snapshot && { ...snapshot, attributes: { ...snapshot.attributes, ...published.data.after } };
    case 'IdentityLeaveStarted':
      return snapshot && { ...snapshot, status: 'on-leave' };
    case 'IdentityReturnedFromLeave':
      return snapshot && { ...snapshot, status: 'active' };
    case 'IdentityTerminated':
      return snapshot && { ...snapshot, status: 'terminated' };
    default:
      return snapshot;
  }
}

/** An identity event as a consumer's projection reads it from the log. */
export interface IdentityStreamEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly recordedAt: Date;
}

/** A batch's identity events by employee number (the `identity-<employeeNumber>` stream), each in log order. */
export function identityEventsByEmployee<E extends IdentityStreamEvent>(events: readonly E[]): Map<string, E[]> {
  const byEmployee = new Map<string, E[]>();
  for (const event of events) {
    const employeeNumber = event.streamId.slice(IDENTITY_STREAM_PREFIX.length);
    const list = byEmployee.get(employeeNumber);
    if (list) list.push(event);
    else byEmployee.set(employeeNumber, [event]);
  }
  return byEmployee;
}

/**
 * Folds a batch into consumers' snapshots: `before` holds the stored snapshot of each employee the
 * batch touches (read once per batch). Returns only the snapshots the batch changed, each with the
 * time of its last event, for one bulk write.
 */
export function foldIdentityBatch(
  events: readonly IdentityStreamEvent[],
  before: ReadonlyMap<string, IdentitySnapshot>,
): { readonly snapshot: IdentitySnapshot; readonly at: Date }[] {
  const changed: { snapshot: IdentitySnapshot; at: Date }[] = [];
  for (const [employeeNumber, identityEvents] of identityEventsByEmployee(events)) {
    const previous = before.get(employeeNumber) ?? null;
    const snapshot = identityEvents.reduce<IdentitySnapshot | null>((folded, event) => foldIdentityEvent(folded, event), previous);
    if (snapshot && snapshot !== previous) changed.push({ snapshot, at: identityEvents[identityEvents.length - 1]!.recordedAt });
  }
  return changed;
}
