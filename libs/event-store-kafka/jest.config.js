// The Kafka contract test needs PostgreSQL (the store the relay reads) only when a broker is given:
// without KAFKA_BROKERS it is skipped, and no PostgreSQL server is started for nothing.
const needsDatabase = Boolean(process.env.KAFKA_BROKERS);

module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/event-store-kafka',
  ...(needsDatabase ? require('../testing/jest.preset-db.js') : {}),
};
