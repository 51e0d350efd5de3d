// Jest settings for projects whose integration tests need a real PostgreSQL.
const path = require('node:path');
module.exports = {
  globalSetup: path.join(__dirname, 'jest-global-setup.mjs'),
  globalTeardown: path.join(__dirname, 'jest-global-teardown.mjs'),
};
