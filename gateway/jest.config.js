module.exports = {
  preset: '../jest.preset.js',
  displayName: '@tenure/gateway',
  // One embedded PostgreSQL per run for the end-to-end test; each service gets its own database.
  globalSetup: '<rootDir>/../libs/testing/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../libs/testing/jest-global-teardown.mjs',
};
