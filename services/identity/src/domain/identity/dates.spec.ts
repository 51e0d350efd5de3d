import { isIsoDate, minDate, utcDateOf } from './dates';

describe('ISO dates', () => {
  it('accept real calendar dates only', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'].filter(isIsoDate)).toHaveLength(4);
    expect(
      ['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-01', '2025-01-01T00:00:00Z', ''].filter(isIsoDate),
    ).toEqual([]);
  });

  it('take "today" as the UTC date of the instant, whatever the offset it was written with', () => {
    expect(utcDateOf(new Date('2025-03-01T23:59:59.999Z'), '1001')).toBe('2025-03-01');
    expect(utcDateOf(new Date('2025-03-02T00:30:00+02:00'), '1001')).toBe('2025-03-01');
  });

  it('refuse an invalid instant with a validation error naming the employee', () => {
    expect(() => utcDateOf(new Date('not a date'), '1001')).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('1001') }),
    );
  });

  it('find the earliest date, ignoring nulls', () => {
    expect(minDate([null, '2025-05-01', '2025-04-30', null])).toBe('2025-04-30');
    expect(minDate([null])).toBeNull();
  });
});
