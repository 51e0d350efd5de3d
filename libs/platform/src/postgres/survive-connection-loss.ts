import type { Pool } from 'pg';

/**
 * A connection the server or the network drops must not end the process. pg emits `error` on the
 * client, whether it is idle in the pool or checked out between two queries, and an `error` event
 * nobody listens to throws: the pool listens only while a client is idle. The query in flight, if
 * any, fails with the error all the same, and the pool discards the broken client when it is released.
 */
export function surviveConnectionLoss<P extends Pool>(pool: P, onIdleError: (error: Error) => void = () => undefined): P {
  pool.on('error', onIdleError);
  pool.on('connect', (client) => void client.on('error', () => undefined));
  return pool;
}
