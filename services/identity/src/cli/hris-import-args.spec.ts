import { parseHrisImportArgs } from './hris-import-args';

describe('hris:import arguments', () => {
  it('reads a file with --complete', () => {
    expect(parseHrisImportArgs(['hr.csv', '--complete'])).toEqual({
      mode: 'import',
      file: 'hr.csv',
      complete: true,
      ifEmpty: false,
      oneLine: false,
      channel: 'cli',
    });
  });

  it('reads --confirm and --discard with a reason', () => {
    expect(parseHrisImportArgs(['--confirm', 'r1'])).toEqual({ mode: 'confirm', runId: 'r1' });
    expect(parseHrisImportArgs(['--discard', 'r1', '--reason', 'broken export'])).toEqual({
      mode: 'discard',
      runId: 'r1',
      reason: 'broken export',
    });
  });

  it('names what is wrong with the arguments', () => {
    expect(parseHrisImportArgs([])).toEqual({ mode: 'usage', problem: 'no CSV file given' });
    expect(parseHrisImportArgs(['a.csv', 'b.csv'])).toEqual({ mode: 'usage', problem: 'one CSV file at a time (got a.csv b.csv)' });
    expect(parseHrisImportArgs(['--confirm'])).toEqual({ mode: 'usage', problem: '--confirm needs a value' });
    expect(parseHrisImportArgs(['a.csv', '--force'])).toEqual({ mode: 'usage', problem: 'unknown option --force' });
    expect(parseHrisImportArgs(['--confirm', 'r1', '--discard', 'r2'])).toEqual({
      mode: 'usage',
      problem: 'give one of --confirm, --discard or --correct, not several',
    });
  });

  it('reads --correct with its line and every --set, splitting each at its first "="', () => {
    expect(
      parseHrisImportArgs([
        '--correct',
        'r1',
        '--line',
        '14',
        '--set',
        'start_date=2026-01-12',
        '--set',
        'title=R=D lead',
        '--set',
        'termination_date=',
      ]),
    ).toEqual({
      mode: 'correct',
      runId: 'r1',
      line: 14,
      values: [
        { column: 'start_date', value: '2026-01-12' },
        { column: 'title', value: 'R=D lead' },
        { column: 'termination_date', value: '' },
      ],
    });
    expect(parseHrisImportArgs(['--line', '3', '--correct', 'r1'])).toEqual({ mode: 'correct', runId: 'r1', line: 3, values: [] });
  });

  it('names what is wrong with a correction', () => {
    expect(parseHrisImportArgs(['--correct', 'r1'])).toEqual({
      mode: 'usage',
      problem: '--correct needs --line <n>: the line of the rejected row',
    });
    expect(parseHrisImportArgs(['--correct', 'r1', '--line', 'two'])).toEqual({
      mode: 'usage',
      problem: '--line "two" is not a line number',
    });
    expect(parseHrisImportArgs(['--correct', 'r1', '--line', '0'])).toEqual({ mode: 'usage', problem: '--line "0" is not a line number' });
    expect(parseHrisImportArgs(['--correct', 'r1', '--line', '2', '--set', 'start_date'])).toEqual({
      mode: 'usage',
      problem: '--set "start_date" is not column=value',
    });
    expect(parseHrisImportArgs(['--correct', 'r1', '--line', '2', '--set'])).toEqual({ mode: 'usage', problem: '--set needs a value' });
    expect(parseHrisImportArgs(['hr.csv', '--line', '2', '--set', 'a=b'])).toEqual({
      mode: 'usage',
      problem: '--line and --set go with --correct',
    });
    expect(parseHrisImportArgs(['--correct', 'r1', '--line', '2', 'hr.csv'])).toEqual({
      mode: 'usage',
      problem: '--confirm, --discard and --correct take no file (got hr.csv)',
    });
    expect(parseHrisImportArgs(['--correct', 'r1', '--confirm', 'r1'])).toEqual({
      mode: 'usage',
      problem: 'give one of --confirm, --discard or --correct, not several',
    });
  });
});
