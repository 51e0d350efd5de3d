import { CliError, ExitCode } from '../exit-codes';
import { formatHours, parseDuration } from './duration';

describe('durations on the command line', () => {
  test.each([
    ['30m', 0.5],
    ['4h', 4],
    ['2d', 48],
    ['1d12h', 36],
    ['2h30m', 2.5],
    [' 4H ', 4],
  ])('given "%s", when it is parsed, then it is %d hours', (text, hours) => {
    expect(parseDuration(text)).toBe(hours);
  });

  test.each(['', '4', 'h', '4 hours', '-4h', '1.5h', '4x', 'h4'])(
    'given "%s", when it is parsed, then it is a usage error naming the forms',
    (text) => {
      const error = captured(() => parseDuration(text));
      expect(error).toBeInstanceOf(CliError);
      expect(error.exitCode).toBe(ExitCode.USAGE);
      expect(error.message).toContain('e.g. 30m, 4h, 2d');
    },
  );

  test('given no time at all, when it is parsed, then it is a usage error', () => {
    expect(captured(() => parseDuration('0h')).message).toContain('at least 1m');
  });

  test('given more than a year, when it is parsed, then it is a usage error', () => {
    expect(captured(() => parseDuration('400d')).message).toContain('longer than a year');
  });

  test.each([
    [0.5, '30m'],
    [4, '4h'],
    [48, '2d'],
    [36, '1d 12h'],
    [2.5, '2h 30m'],
    [0.004, '14s'],
  ])('given %d hours, when written back, then it reads "%s"', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });
});

function captured(action: () => unknown): CliError {
  try {
    action();
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected an error');
}
