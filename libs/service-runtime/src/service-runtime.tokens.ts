/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');

/** Injection token of the running service's `ServiceInfo`. */
export const SERVICE_INFO = Symbol('SERVICE_INFO');

/** Injection token of the service's `Clock` (`systemClock`; tests may override it). */
export const CLOCK = Symbol('CLOCK');

/** Injection token of the service's `IdGenerator` (`randomIds`). */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

/** Injection token of the tokens that may read /metrics (METRICS_TOKENS; none: the endpoint is off). */
export const METRICS_TOKENS = Symbol('METRICS_TOKENS');
