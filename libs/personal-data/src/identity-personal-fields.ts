import { IDENTITY_STREAM_PREFIX, PERSONAL_ATTRIBUTES } from '@tenure/contracts';

/**
 * Which values of which events are personal data, and whose. Only the identity streams carry them
 * (one stream, one person: the stream id names the key's owner). Not personal here: the identity
 * id and employee number (the pseudonymous keys every other record uses), department, title,
 * manager, location, cost center, employment type and the dates (organisational facts an audit of
 * access needs after erasure). Personal: the names, the email, every organisation-specific
 * attribute value (free-form, may hold a phone number or a birth date), and the free-text reasons
 * of leave and termination (may reveal health or conduct).
 */

/** The events' data objects that hold HR attributes (whole, or just the changed ones). */
const ATTRIBUTE_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  IdentityHired: ['attributes'],
  IdentityRehired: ['attributes'],
  IdentityActivated: ['attributes'],
  IdentityMoved: ['before', 'after'],
  IdentityAttributesUpdated: ['before', 'after'],
  AttributeChangeScheduled: ['changes'],
};

/** The events whose `reason` is free text about the person. */
const PERSONAL_REASON_EVENTS = new Set(['IdentityLeaveStarted', 'TerminationScheduled', 'IdentityTerminated']);

/** The key owner of an event's personal data: the identity stream, or null when the stream holds none. */
export function personalDataSubject(streamId: string): string | null {
  return streamId.startsWith(IDENTITY_STREAM_PREFIX) ? streamId : null;
}

/** True when identity events of this type may carry personal values. */
export function identityEventCarriesPersonalData(type: string): boolean {
  return type in ATTRIBUTE_OBJECTS || PERSONAL_REASON_EVENTS.has(type);
}

/**
 * A copy of an identity event's data with each personal value replaced by `replace(value)`; the
 * data itself when the event type carries none.
 */
export function mapPersonalValues(type: string, data: unknown, replace: (value: unknown) => unknown): unknown {
  if (!identityEventCarriesPersonalData(type) || typeof data !== 'object' || data === null) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of ATTRIBUTE_OBJECTS[type] ?? []) {
    const attributes = copy[field];
    if (typeof attributes === 'object' && attributes !== null) copy[field] = mapAttributes(attributes as Record<string, unknown>, replace);
  }
  if (PERSONAL_REASON_EVENTS.has(type) && typeof copy['reason'] === 'string') copy['reason'] = replace(copy['reason']);
  return copy;
}

export function mapAttributes(attributes: Record<string, unknown>, replace: (value: unknown) => unknown): Record<string, unknown> {
  const copy = { ...attributes };
  for (const name of PERSONAL_ATTRIBUTES) if (typeof copy[name] === 'string') copy[name] = replace(copy[name]);
  const custom = copy['custom'];
  if (typeof custom === 'object' && custom !== null) {
    copy['custom'] = Object.fromEntries(Object.entries(custom).map(([key, value]) => [key, replace(value)]));
  }
  return copy;
}
