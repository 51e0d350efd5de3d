module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/policy-service',
  // One embedded PostgreSQL per run for the integration tests; each test file creates its own database.
  ...require('../../libs/testing/jest.preset-db.js'),
};
