import { wasInterrupted } from './cli/interruption';
import { parseArgs, usage, UsageError, type BenchArgs } from './cli/parse-args';
import { SCENARIOS } from './scenarios';

/** `node bench/dist/main.js <scenario> [--quick]`: human-readable lines, then exactly one JSON line. */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage(SCENARIOS));
    return 0;
  }
  const scenarioNames = SCENARIOS.map((s) => s.name);
  let args: BenchArgs;
  try {
    args = parseArgs(argv, scenarioNames);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n\n${usage(SCENARIOS)}`);
    return 2;
  }
  const scenario = SCENARIOS.find((s) => s.name === args.scenario)!;
  const result = await scenario.run({ quick: args.quick, log: (line) => console.log(line) });
  console.log(JSON.stringify(result));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (wasInterrupted()) return; // the signal handler cleans up and exits
    console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
