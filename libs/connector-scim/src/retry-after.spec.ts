import { parseRetryAfter } from './retry-after';

describe('Retry-After', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('given delay-seconds, when read, then it is that many seconds in milliseconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('given an HTTP date, when read, then it is the time left until then, and no wait once it has passed', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('given no header or an unreadable one, when read, then the server said nothing', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-3', now)).toBeNull();
  });
});
