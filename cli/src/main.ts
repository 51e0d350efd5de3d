#!/usr/bin/env node
import { processTerminal } from './output/process-terminal';
import { runCli } from './program';
import { ExitCode } from './exit-codes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

runCli(process.argv.slice(2), { env: process.env, terminal: processTerminal(), now: () => new Date(), version }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tenure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = ExitCode.FAILURE;
  },
);
