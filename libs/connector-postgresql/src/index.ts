export { createPostgresqlConnector } from './create-postgresql-connector';
export { PostgresqlConnector } from './postgresql-connector';
export { postgresqlError } from './postgresql-errors';
export {
  parsePostgresqlSettings,
  postgresqlSettingsSchema,
  type PostgresqlSecrets,
  type PostgresqlSettings,
  type PostgresqlSettingsInput,
} from './postgresql-settings';
