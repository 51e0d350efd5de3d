export { KafkaRelay, type KafkaRelayOptions } from './kafka-relay';
export { KafkaSubscriptionSource, KafkaHandlerError, type KafkaSubscriptionSourceOptions } from './kafka-subscription-source';
export {
  encodeEvent,
  decodeEvent,
  eventIdOf,
  EventMessageError,
  EVENT_CONTENT_TYPE,
  HEADERS,
  type EventMessageValue,
} from './event-message';
export { categoryOf, topicForCategory, topicForStream, topicPattern, DEFAULT_TOPIC_PREFIX } from './topic-naming';
export { DedupeWindow } from './dedupe-window';
export { TopicProvisioner, type TopicSettings } from './topic-provisioner';
