import { parsePolicyLoadArgs } from './policy-load-args';

describe('policy:load arguments', () => {
  it('reads a file with its options', () => {
    expect(parsePolicyLoadArgs(['policy.json'])).toEqual({
      mode: 'load',
      file: 'policy.json',
      publish: false,
      note: null,
      ifEmpty: false,
      oneLine: false,
    });
    expect(parsePolicyLoadArgs(['--if-empty', 'policy.json', '--publish', '--note', 'quarterly review', '--one-line'])).toEqual({
      mode: 'load',
      file: 'policy.json',
      publish: true,
      note: 'quarterly review',
      ifEmpty: true,
      oneLine: true,
    });
  });

  it('names what is wrong with the arguments', () => {
    expect(parsePolicyLoadArgs([])).toEqual({ mode: 'usage', problem: 'no policy file given' });
    expect(parsePolicyLoadArgs(['a.json', 'b.json'])).toEqual({ mode: 'usage', problem: 'one policy file at a time (got a.json b.json)' });
    expect(parsePolicyLoadArgs(['a.json', '--force'])).toEqual({ mode: 'usage', problem: 'unknown option --force' });
    expect(parsePolicyLoadArgs(['a.json', '--publish', '--note'])).toEqual({ mode: 'usage', problem: '--note needs a value' });
    expect(parsePolicyLoadArgs(['a.json', '--note', 'n'])).toEqual({ mode: 'usage', problem: '--note goes with --publish' });
    expect(parsePolicyLoadArgs(['--help'])).toEqual({ mode: 'usage', problem: null });
  });
});
