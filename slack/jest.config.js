module.exports = {
  preset: '../jest.preset.js',
  displayName: '@tenure/slack-app',
  // One embedded PostgreSQL per run for the end-to-end tests against the platform.
  globalSetup: '<rootDir>/../libs/testing/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../libs/testing/jest-global-teardown.mjs',
};
