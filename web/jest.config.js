// Unit tests of the portal's library code (session cookie, sign-in transaction, profile, form schemas, views), and the
// browser tests of test/*.e2e.spec.ts: the whole platform launched as `npm start` runs it, driven in Debian's Chromium.
// jose is ESM-only: swc turns it into CommonJS like the sources. `server-only` throws outside React Server
// Components, so tests load its empty variant.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  displayName: '@tenure/web',
  testEnvironment: 'node',
  transform: { '^.+\\.(tsx?|[mc]?js)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|openid-client|oauth4webapi)/)'],
  moduleNameMapper: {
    '^@/(.*)$': path.join(__dirname, '$1'),
    '^server-only$': path.join(path.dirname(require.resolve('server-only')), 'empty.js'),
    // A library's test fixtures are sources only (never built): the in-test OTLP receiver of the traces test.
    '^@tenure/tracing/testing$': path.join(__dirname, '..', 'libs', 'tracing', 'src', 'testing', 'index.ts'),
    // The SMTP server the notification settings test gives the platform (test code, sources only).
    '^@tenure/test-smtp-server$': path.join(__dirname, '..', 'libs', 'test-smtp-server', 'src', 'index.ts'),
  },
  testMatch: [
    '<rootDir>/lib/**/*.spec.ts',
    '<rootDir>/components/**/*.spec.ts?(x)',
    '<rootDir>/app/**/*.spec.ts?(x)',
    '<rootDir>/test/**/*.e2e.spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/.next/'],
  // One embedded PostgreSQL per run for the browser tests' platform (the launcher makes its databases there, the demo ERP included).
  globalSetup: '<rootDir>/../libs/testing/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../libs/testing/jest-global-teardown.mjs',
};
