import { filterMatcher, matchesFilter } from './event-store';

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

describe('filterMatcher', () => {
  it('answers as matchesFilter for every combination of prefix and type', () => {
    const filters = [
      undefined,
      {},
      { streamPrefixes: ['identity-', 'policy-'] },
      { eventTypes: ['IdentityHired', 'IdentityMoved'] },
      { streamPrefixes: ['identity-'], eventTypes: ['IdentityHired'] },
    ];
    const events = [
      ['identity-1', 'IdentityHired'],
      ['identity-1', 'IdentityMoved'],
      ['policy-x', 'IdentityHired'],
      ['workflow-1', 'Other'],
      ['', ''],
    ] as const;
    for (const filter of filters) {
      const matches = filterMatcher(filter);
      for (const [streamId, type] of events) expect(matches(streamId, type)).toBe(matchesFilter(filter, streamId, type));
    }
    expect(filterMatcher({ streamPrefixes: ['identity-'], eventTypes: ['IdentityHired'] })('identity-1', 'IdentityHired')).toBe(true);
    expect(filterMatcher({ streamPrefixes: ['identity-'], eventTypes: ['IdentityHired'] })('policy-1', 'IdentityHired')).toBe(false);
  });
});
