import { EVENT_TYPE, STREAM_NAME, type RegexFilter } from '@eventstore/db-client';
import { escapeRegex, isSystemEvent, serverFilter } from './event-filter';

const probe = '$tenure-probe-relay';

/** The server evaluates the regex in .NET; these patterns use only syntax that means the same in JavaScript. */
function serverAccepts(filter: RegexFilter, text: string): boolean {
  return new RegExp(filter.regex).test(text);
}

describe('event filters', () => {
  it('hides system streams and system event types', () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', 'StatsCollected')).toBe(true);
    expect(isSystemEvent('identity-1', '$metadata')).toBe(true);
    expect(isSystemEvent('identity-1', 'IdentityHired')).toBe(false);
  });

  it('without a port filter, the server sends every non-system stream and the probe stream', () => {
    const filter = serverFilter(undefined, probe, '$tenure-probe') as RegexFilter;
    expect(filter.filterOn).toBe(STREAM_NAME);
    expect(serverAccepts(filter, 'identity-1')).toBe(true);
    expect(serverAccepts(filter, probe)).toBe(true);
    expect(serverAccepts(filter, '$tenure-probe-relay2')).toBe(false);
    expect(serverAccepts(filter, '$tenure-checkpoint-relay')).toBe(false);
    expect(serverAccepts(filter, '$ce-identity')).toBe(false);
  });

  it('with stream prefixes, the server filters on them (literally) plus the probe stream', () => {
    const filter = serverFilter({ streamPrefixes: ['identity-', 'a.b+'], eventTypes: ['Ignored'] }, probe, '$tenure-probe') as RegexFilter;
    expect(filter.filterOn).toBe(STREAM_NAME);
    expect(serverAccepts(filter, 'identity-42')).toBe(true);
    expect(serverAccepts(filter, 'a.b+1')).toBe(true);
    expect(serverAccepts(filter, 'axbb1')).toBe(false);
    expect(serverAccepts(filter, 'policy-1')).toBe(false);
    expect(serverAccepts(filter, probe)).toBe(true);
  });

  it('with event types only, the server filters on exact types plus the probe type', () => {
    const filter = serverFilter({ eventTypes: ['IdentityHired'] }, probe, '$tenure-probe') as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    expect(serverAccepts(filter, 'IdentityHired')).toBe(true);
    expect(serverAccepts(filter, 'IdentityHiredAgain')).toBe(false);
    expect(serverAccepts(filter, '$tenure-probe')).toBe(true);
  });

  it('escapes every regex metacharacter', () => {
    const nasty = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegex(nasty)}$`).test(nasty)).toBe(true);
  });
});
