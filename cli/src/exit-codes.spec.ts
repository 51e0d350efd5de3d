import { CliError, EXIT_CODE_NAMES, ExitCode } from './exit-codes';

describe('exit codes', () => {
  test('given the documented codes, when read, then each keeps its number (scripts rely on them)', () => {
    expect(ExitCode).toEqual({ OK: 0, FAILURE: 1, USAGE: 2, NOT_SIGNED_IN: 3, REFUSED: 4, NOT_FOUND: 5, UNREACHABLE: 6 });
  });

  test('given every code, when named for --json, then each has its own name', () => {
    const names = Object.values(ExitCode).map((code) => EXIT_CODE_NAMES[code]);
    expect(new Set(names).size).toBe(names.length);
    expect(EXIT_CODE_NAMES[ExitCode.REFUSED]).toBe('refused');
  });

  test('given a failure with details and data, when made, then it keeps them for the output', () => {
    const error = new CliError('refused', ExitCode.REFUSED, ['not requestable'], { data: { decision: { allowed: false } } });
    expect(error).toMatchObject({ exitCode: 4, details: ['not requestable'], data: { decision: { allowed: false } } });
  });
});
