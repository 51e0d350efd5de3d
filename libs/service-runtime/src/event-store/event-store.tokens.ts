/**
 * Injection token of the service's one `PostgresEventStore`. Command handlers and projections
 * inject it (typed as the `EventStore` port where they only append and read).
 */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Injection token of the `EventStoreModuleOptions`. */
export const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');
