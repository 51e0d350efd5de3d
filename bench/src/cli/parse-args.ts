/** What `bench <scenario> [--quick]` asked for. */
export interface BenchArgs {
  readonly scenario: string;
  readonly quick: boolean;
}

export class UsageError extends Error {
  readonly code = 'BENCH_USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function usage(scenarios: readonly { name: string; description: string }[]): string {
  const width = Math.max(...scenarios.map((s) => s.name.length));
  return [
    'usage: npm run bench -- <scenario> [--quick]',
    '',
    'scenarios:',
    ...scenarios.map((s) => `  ${s.name.padEnd(width)}  ${s.description}`),
    '',
    'options:',
    '  --quick  short phases (most runs in 30 s to 2 minutes), for a smoke check rather than numbers to quote',
    '',
    'With DATABASE_URL set, the scenario uses that PostgreSQL server (in a scratch database it drops afterwards);',
    'otherwise it starts an embedded PostgreSQL with default durability settings in a temporary directory.',
  ].join('\n');
}

/** Parses the arguments after `node main.js`; throws UsageError naming what is wrong. */
export function parseArgs(argv: readonly string[], knownScenarios: readonly string[]): BenchArgs {
  const positional = argv.filter((arg) => !arg.startsWith('-'));
  const options = argv.filter((arg) => arg.startsWith('-'));
  const unknownOptions = options.filter((option) => option !== '--quick');
  if (unknownOptions.length > 0) throw new UsageError(`unknown option ${unknownOptions.join(', ')}`);
  if (positional.length === 0) throw new UsageError(`no scenario given; choose one of: ${knownScenarios.join(', ')}`);
  if (positional.length > 1) throw new UsageError(`one scenario per run, got ${positional.join(', ')}`);
  const scenario = positional[0]!;
  if (!knownScenarios.includes(scenario)) {
    throw new UsageError(`unknown scenario "${scenario}"; choose one of: ${knownScenarios.join(', ')}`);
  }
  return { scenario, quick: options.includes('--quick') };
}
