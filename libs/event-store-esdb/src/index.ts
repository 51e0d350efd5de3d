export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store';
export { toEsdbEventId, uuidV5, TENURE_EVENT_ID_NAMESPACE } from './event-id';
export { MissingPositionError } from './event-mapping';
