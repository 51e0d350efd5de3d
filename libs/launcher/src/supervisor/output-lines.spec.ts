import { formatChildLine } from './output-lines';

describe('child output lines', () => {
  it('makes a pino JSON line compact: time, level, message, other fields', () => {
    const time = new Date(2026, 0, 2, 13, 4, 5).getTime();
    const line = JSON.stringify({
      level: 30,
      time,
      pid: 9,
      hostname: 'h',
      name: 'identity',
      msg: 'listening',
      port: 4101,
      url: 'http://x/y z',
    });
    expect(formatChildLine(line)).toBe('13:04:05 INFO  listening port=4101 url="http://x/y z"');
  });

  it('shows an error by its message, then its stack indented', () => {
    const time = new Date(2026, 0, 2, 13, 4, 5).getTime();
    const line = JSON.stringify({ level: 50, time, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at a (x.js:1:1)' } });
    expect(formatChildLine(line)).toBe('13:04:05 ERROR failed err="boom"\n    at a (x.js:1:1)');
  });

  it('leaves other lines as they are', () => {
    expect(formatChildLine('plain text')).toBe('plain text');
    expect(formatChildLine('{"not":"pino"}')).toBe('{"not":"pino"}');
    expect(formatChildLine('{broken')).toBe('{broken');
  });
});
