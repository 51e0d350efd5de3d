import { safeReturnTo, signInPath } from './return-to';

describe('return to after sign-in', () => {
  it.each([
    ['/access', '/access'],
    ['/requests?request=r-1&created=1', '/requests?request=r-1&created=1'],
    ['/admin/identities/42#history', '/admin/identities/42#history'],
  ])('given the portal path %s, when it is made safe, then it is kept', (candidate, expected) => {
    expect(safeReturnTo(candidate)).toBe(expected);
  });

  it.each([
    ['nothing', undefined],
    ['an empty string', ''],
    ['another origin', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/path'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'access'],
    ['the sign-in route itself', '/auth/sign-in?returnTo=/access'],
    ['the callback', '/auth/callback'],
    ['a control character', '/access\n'],
  ])('given %s, when it is made safe, then the way back is the dashboard', (_label, candidate) => {
    expect(safeReturnTo(candidate)).toBe('/');
  });

  it('given a page, when the sign-in path is built, then it carries the page encoded', () => {
    expect(signInPath('/requests?page=2')).toBe('/auth/sign-in?returnTo=%2Frequests%3Fpage%3D2');
    expect(signInPath('/')).toBe('/auth/sign-in');
    expect(signInPath(null)).toBe('/auth/sign-in');
  });
});
