#!/usr/bin/env node
// The `tenure` command. npm links this file (it exists before any build) into node_modules/.bin; the command
// itself is the built cli/dist/main.js, which `npm run build` and `npm start` make.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('tenure: the command line is not built yet: run `npm run build` in the repository first\n');
  process.exit(1);
}
require(main);
