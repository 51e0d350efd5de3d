module.exports = {
  preset: '../../jest.preset.js',
  displayName: '@tenure/evidence-export',
  // One embedded PostgreSQL per run for the end-to-end test, which launches the whole platform.
  globalSetup: '<rootDir>/../testing/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../testing/jest-global-teardown.mjs',
};
