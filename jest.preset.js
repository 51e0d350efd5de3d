// Shared Jest settings: swc keeps decorator metadata (NestJS, type-graphql need it)
// and @tenure/* imports resolve to library sources, so tests never need a build first.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|[mc]?js)$': swc },
  moduleNameMapper: {
    '^@tenure/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    // A library's test fixtures, for other projects' tests (e.g. @tenure/connector-ldap/testing starts slapd).
    '^@tenure/([a-z-]+)/testing$': path.join(__dirname, 'libs/$1/src/testing/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: [path.join(__dirname, 'libs/testing/src/setup/reflect.js')],
};
