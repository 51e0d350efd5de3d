module.exports = {
  preset: '../jest.preset.js',
  displayName: '@tenure/chaos',
  // One embedded PostgreSQL for the run: the platform's database and the ERP target's live in it.
  globalSetup: '<rootDir>/../libs/testing/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../libs/testing/jest-global-teardown.mjs',
};
