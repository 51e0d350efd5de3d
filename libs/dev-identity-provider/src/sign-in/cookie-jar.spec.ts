import { CookieJar } from './cookie-jar';

describe('cookie jar', () => {
  const provider = new URL('http://localhost:4200/auth?client_id=x');

  test('given cookies scoped to paths, when a request is made, then only the cookies of its path are sent', () => {
    const jar = new CookieJar(() => Date.parse('2026-11-26T10:00:00Z'));
    jar.store(provider, [
      '_interaction=abc; path=/interaction/abc; expires=Thu, 26 Nov 2026 11:00:00 GMT; samesite=lax; httponly',
      '_interaction_resume=abc; path=/auth/abc; samesite=lax; httponly',
      '_session=s1; path=/; httponly',
    ]);

    expect(jar.headerFor(new URL('http://localhost:4200/interaction/abc/login'))).toBe('_interaction=abc; _session=s1');
    expect(jar.headerFor(new URL('http://localhost:4200/auth/abc'))).toBe('_interaction_resume=abc; _session=s1');
    expect(jar.headerFor(new URL('http://localhost:4200/interaction/abcdef'))).toBe('_session=s1');
  });

  test('given a cookie cleared or expired, when a request is made, then it is not sent', () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const jar = new CookieJar(() => now);
    jar.store(provider, ['a=1; path=/', 'b=2; path=/; max-age=60']);
    jar.store(provider, ['a=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT']);

    expect(jar.headerFor(provider)).toBe('b=2');
    now += 61_000;
    expect(jar.headerFor(provider)).toBeUndefined();
  });
});
