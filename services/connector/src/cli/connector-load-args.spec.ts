import { parseConnectorLoadArgs } from './connector-load-args';

describe('connector:load arguments', () => {
  it('given a file and options, when parsed, then the request holds them', () => {
    expect(parseConnectorLoadArgs(['apps.json'])).toEqual({ mode: 'load', file: 'apps.json', ifEmpty: false, demo: false, oneLine: false });
    expect(parseConnectorLoadArgs(['--if-empty', 'apps.json', '--demo', '--one-line'])).toEqual({
      mode: 'load',
      file: 'apps.json',
      ifEmpty: true,
      demo: true,
      oneLine: true,
    });
  });

  it('given wrong arguments, when parsed, then the problem is named', () => {
    expect(parseConnectorLoadArgs([])).toEqual({ mode: 'usage', problem: 'no applications file given' });
    expect(parseConnectorLoadArgs(['a.json', 'b.json'])).toEqual({
      mode: 'usage',
      problem: 'one applications file at a time (got a.json b.json)',
    });
    expect(parseConnectorLoadArgs(['a.json', '--force'])).toEqual({ mode: 'usage', problem: 'unknown option --force' });
    expect(parseConnectorLoadArgs(['--help'])).toEqual({ mode: 'usage', problem: null });
  });
});
