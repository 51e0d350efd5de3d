module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/service-runtime',
  // One embedded PostgreSQL per run for the integration tests; each test file creates its own database.
  ...require('../testing/jest.preset-db.js'),
};
