import { checkedSummary, formatSeconds } from './event-log-verification';

describe('checkedSummary', () => {
  it('given thousands of events in several streams, when summarised, then the counts are grouped and the time has two decimals', () => {
    expect(checkedSummary({ events: 12345, streams: 42, seconds: 0.4567 })).toBe('12,345 events in 42 streams, checked in 0.46 s');
  });

  it('given one event in one stream, when summarised, then the nouns are singular', () => {
    expect(checkedSummary({ events: 1, streams: 1, seconds: 0.01 })).toBe('1 event in 1 stream, checked in 0.01 s');
  });
});

describe('formatSeconds', () => {
  it('given a long verification, when formatted, then one decimal is enough', () => {
    expect(formatSeconds(63.25)).toBe('63.3 s');
  });
});
