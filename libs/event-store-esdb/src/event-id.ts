import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Namespace of the name-based UUIDs made from Tenure event ids that are not UUIDs themselves. */
export const TENURE_EVENT_ID_NAMESPACE = '3b9a1f52-6c1e-4c0f-9d0e-6f1f0d7a2e41';

/**
 * EventStoreDB keys its idempotency on a UUID per event, while the port allows any string id.
 * A UUID is passed through (lower-cased, as the server returns it); any other id becomes a
 * name-based (version 5) UUID, so the same port id always maps to the same EventStoreDB id.
 * The original id stays in the event's metadata (`eventId`), which is what readers see.
 */
export function toEsdbEventId(eventId: string): string {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  return uuidV5(eventId, TENURE_EVENT_ID_NAMESPACE);
}

/** RFC 4122 section 4.3: SHA-1 of namespace bytes + name, with version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
