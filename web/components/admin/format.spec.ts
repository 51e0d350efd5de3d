import { formatDuration, formatPercent } from './format';

describe('formatDuration', () => {
  it('given durations from milliseconds to days, when formatted, then each uses the largest readable units', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(8_815)).toBe('8.8 s');
    expect(formatDuration(252_000)).toBe('4 min 12 s');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
  });

  it('given no duration (a run still in progress), when formatted, then it shows a dash rather than zero', () => {
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('given a share, when formatted, then it is rounded to a whole percent', () => {
    expect(formatPercent(2 / 3)).toBe('67 %');
  });
});
