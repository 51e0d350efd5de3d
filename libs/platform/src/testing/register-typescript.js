// Lets `node -r <this file> script.ts` run this repository's TypeScript sources, compiled on the fly by
// swc (the compiler Jest uses here). Integration tests use it to run real child processes from source,
// without a build. Only relative imports and packages from node_modules resolve: no @tenure/* aliases.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
