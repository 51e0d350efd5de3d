import { isKnownToken, parseScimTokens } from './bearer-auth';

describe('SCIM bearer tokens', () => {
  it('reads a comma-separated list and ignores blanks', () => {
    expect(parseScimTokens(' one, two ,,')).toEqual(['one', 'two']);
    expect(parseScimTokens(undefined)).toEqual([]);
  });

  it('knows configured tokens only, whatever their length', () => {
    const tokens = ['first-token', 'second'];
    expect(isKnownToken('second', tokens)).toBe(true);
    expect(isKnownToken('first-token', tokens)).toBe(true);
    expect(isKnownToken('first', tokens)).toBe(false);
    expect(isKnownToken('', tokens)).toBe(false);
  });
});
