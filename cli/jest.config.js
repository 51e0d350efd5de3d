module.exports = {
  preset: '../jest.preset.js',
  displayName: '@tenure/cli',
  // openid-client 6 and its dependencies ship ES modules only: compile them like the sources.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  // One embedded PostgreSQL per run for the end-to-end tests against the platform.
  globalSetup: '<rootDir>/../libs/testing/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../libs/testing/jest-global-teardown.mjs',
};
