import { matchesFilter } from './event-store';

describe('matchesFilter', () => {
  it('matches stream prefixes and event types together, as the stores filter their reads', () => {
    const filter = { streamPrefixes: ['identity-', 'policy-'], eventTypes: ['IdentityHired'] };
    expect(matchesFilter(filter, 'identity-1', 'IdentityHired')).toBe(true);
    expect(matchesFilter(filter, 'identity-1', 'IdentityMoved')).toBe(false);
    expect(matchesFilter(filter, 'workflow-1', 'IdentityHired')).toBe(false);
  });

  it('lets everything through without a filter or with empty lists', () => {
    expect(matchesFilter(undefined, 'anything', 'Anything')).toBe(true);
    expect(matchesFilter({ streamPrefixes: [], eventTypes: [] }, 'anything', 'Anything')).toBe(true);
  });
});
