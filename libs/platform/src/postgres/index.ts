export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
export { checkDatabaseReachable, describeTarget, type ReachableDatabase } from './database-reachability';
export { choosePort, isPortFree, DEFAULT_EMBEDDED_POSTGRES_PORT, type PortPreferences } from './port-choice';
export { EmbeddedPostgresError, DatabaseUnreachableError, type EmbeddedPostgresErrorCode } from './postgres-errors';
export { launcherClusterDir, runningEmbeddedDatabaseUrl } from './running-embedded';
export { surviveConnectionLoss } from './survive-connection-loss';
