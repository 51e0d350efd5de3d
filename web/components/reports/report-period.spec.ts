import { readReportPeriod } from './report-period';

describe('the compliance reports period', () => {
  const now = new Date('2026-05-20T12:34:56.000Z');

  it('given no days chosen, when read, then it is the last 30 days up to now', () => {
    expect(readReportPeriod(undefined, undefined, now)).toEqual({
      period: {
        from: new Date('2026-04-20T12:34:56.000Z'),
        to: now,
        fromDay: '2026-04-20',
        toDay: '2026-05-20',
        isDefault: true,
      },
    });
  });

  it('given two days, when read, then the period runs from the first day’s start to the end of the last day', () => {
    expect(readReportPeriod('2026-05-01', '2026-05-03', now).period).toEqual({
      from: new Date('2026-05-01T00:00:00.000Z'),
      to: new Date('2026-05-04T00:00:00.000Z'),
      fromDay: '2026-05-01',
      toDay: '2026-05-03',
      isDefault: false,
    });
  });

  it('given days that are not dates, in the wrong order, or too far apart, when read, then the default is kept with the reason', () => {
    expect(readReportPeriod('2026-02-30', '2026-05-03', now)).toMatchObject({
      period: { isDefault: true },
      error: 'Give the days as YYYY-MM-DD.',
    });
    expect(readReportPeriod('2026-05-04', '2026-05-03', now)).toMatchObject({
      period: { isDefault: true },
      error: 'The first day must not be after the last day.',
    });
    expect(readReportPeriod('2024-01-01', '2026-05-03', now)).toMatchObject({
      period: { isDefault: true },
      error: 'Choose at most 366 days.',
    });
  });
});
