/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');

/** Injection token of the running service's `ServiceInfo`. */
export const SERVICE_INFO = Symbol('SERVICE_INFO');
