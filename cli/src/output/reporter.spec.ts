import { CliError, ExitCode } from '../exit-codes';
import { RecordingTerminal } from '../testing/recording-terminal';
import { Reporter } from './reporter';

describe('reporter', () => {
  test('given text mode, when a command shows progress and a result, then people read both on stdout', () => {
    const terminal = new RecordingTerminal();
    const reporter = new Reporter(terminal, false);
    reporter.show(['decision']);
    reporter.note('waiting');
    reporter.result({ ignored: true }, ['done']);
    expect(terminal.out).toBe('decision\ndone\n');
    expect(terminal.err).toBe('waiting\n');
  });

  test('given --json, when a command shows progress and a result, then stdout is exactly one JSON document', () => {
    const terminal = new RecordingTerminal();
    const reporter = new Reporter(terminal, true);
    reporter.show(['decision']);
    reporter.note('waiting');
    reporter.result({ requests: [] }, ['ignored']);
    expect(JSON.parse(terminal.out)).toEqual({ requests: [] });
    expect(terminal.err).toBe('waiting\n');
  });

  test('given --json, when a command fails with data, then stdout has the data and the error, stderr the message', () => {
    const terminal = new RecordingTerminal();
    const code = new Reporter(terminal, true).failure(
      new CliError('The policy refuses a/b for you', ExitCode.REFUSED, ['not requestable'], { data: { decision: { allowed: false } } }),
    );
    expect(code).toBe(ExitCode.REFUSED);
    expect(JSON.parse(terminal.out)).toEqual({
      decision: { allowed: false },
      error: { code: 4, kind: 'refused', message: 'The policy refuses a/b for you', details: ['not requestable'] },
    });
    expect(terminal.err).toBe('tenure: The policy refuses a/b for you\n  - not requestable\n');
  });

  test('given text mode, when something unforeseen fails, then it is a failure (1) on stderr only', () => {
    const terminal = new RecordingTerminal();
    expect(new Reporter(terminal, false).failure(new Error('boom'))).toBe(ExitCode.FAILURE);
    expect(terminal.out).toBe('');
    expect(terminal.err).toBe('tenure: boom\n');
  });
});
