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
  it('given each kind of filter, then it lets through exactly the streams and types it names', () => {
    const events = [
      ['identity-1', 'IdentityHired'],
      ['identity-1', 'IdentityMoved'],
      ['policy-x', 'IdentityHired'],
      ['workflow-1', 'Other'],
      ['', ''],
    ] as const;
    const passing = (filter: Parameters<typeof filterMatcher>[0]) => {
      const matches = filterMatcher(filter);
      return events.filter(([streamId, type]) => matches(streamId, type)).map(([streamId, type]) => `${streamId}/${type}`);
    };

    expect(passing(undefined)).toEqual([
      'identity-1/IdentityHired',
      'identity-1/IdentityMoved',
      'policy-x/IdentityHired',
      'workflow-1/Other',
      '/',
    ]);
    expect(passing({})).toEqual(passing(undefined));
    expect(passing({ streamPrefixes: ['identity-', 'policy-'] })).toEqual([
      'identity-1/IdentityHired',
      'identity-1/IdentityMoved',
      'policy-x/IdentityHired',
    ]);
    expect(passing({ eventTypes: ['IdentityHired', 'IdentityMoved'] })).toEqual([
      'identity-1/IdentityHired',
      'identity-1/IdentityMoved',
      'policy-x/IdentityHired',
    ]);
    expect(passing({ streamPrefixes: ['identity-'], eventTypes: ['IdentityHired'] })).toEqual(['identity-1/IdentityHired']);
  });
});
