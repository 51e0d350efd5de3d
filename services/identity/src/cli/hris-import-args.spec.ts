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
      problem: 'give either --confirm or --discard, not both',
    });
  });
});
