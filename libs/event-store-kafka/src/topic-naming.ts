/** Kafka topic names allow these characters only, up to 249 of them. */
const LEGAL_TOPIC_CHARACTER = /[a-zA-Z0-9._-]/;
const MAX_TOPIC_LENGTH = 249;

export const DEFAULT_TOPIC_PREFIX = 'tenure';

/** A stream's category: its id up to the first "-" ("identity-42" -> "identity"), or the whole id. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

/**
 * The topic of a category: `<prefix>.<category>`. Characters Kafka does not allow in topic names
 * become "_" (so "a$b" and "a_b" share a topic; categories in Tenure are plain words).
 */
export function topicForCategory(prefix: string, category: string): string {
  if (category.length === 0) throw new RangeError('a stream category cannot be empty (stream id starting with "-"?)');
  const topic = `${prefix}.${[...category].map((c) => (LEGAL_TOPIC_CHARACTER.test(c) ? c : '_')).join('')}`;
  if (topic.length > MAX_TOPIC_LENGTH)
    throw new RangeError(`topic "${topic.slice(0, 40)}…" is longer than Kafka's ${MAX_TOPIC_LENGTH} characters`);
  return topic;
}

export function topicForStream(prefix: string, streamId: string): string {
  return topicForCategory(prefix, categoryOf(streamId));
}

/** Every topic under a prefix, as a subscription pattern. */
export function topicPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`);
}
