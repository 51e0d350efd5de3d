import { isKnownToken, parseTokenList } from './known-token';

describe('configured bearer tokens (SCIM_TOKENS, ADMIN_TOKENS)', () => {
  it('reads a comma-separated list and ignores blanks', () => {
    expect(parseTokenList(' one, two ,,')).toEqual(['one', 'two']);
    expect(parseTokenList(undefined)).toEqual([]);
  });

  it('knows configured tokens only, whatever their length', () => {
    const tokens = ['first-token', 'second'];
    expect(isKnownToken('second', tokens)).toBe(true);
    expect(isKnownToken('first-token', tokens)).toBe(true);
    expect(isKnownToken('first', tokens)).toBe(false);
    expect(isKnownToken('', tokens)).toBe(false);
  });
});
