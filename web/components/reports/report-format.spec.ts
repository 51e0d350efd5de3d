import { formatMonthlyCosts, formatTiming, slowest } from './report-format';

describe('the compliance reports’ figures in words', () => {
  it('given timings, when formatted, then p50 and p95 read with the count and what is pending', () => {
    expect(formatTiming({ acknowledged: 3, pending: 1, p50Seconds: 2, p95Seconds: 9.2 })).toBe('p50 2.0 s · p95 9.2 s (3, 1 pending)');
    expect(formatTiming({ acknowledged: 0, pending: 2, p50Seconds: null, p95Seconds: null })).toBe('none acknowledged yet (2 pending)');
    expect(formatTiming(null)).toBe('none in the period');
  });

  it('given costs in one or two currencies, when formatted, then each currency is shown on its own', () => {
    expect(formatMonthlyCosts([{ amountPerMonth: 103.25, currency: 'EUR' }])).toBe('€103.25 a month');
    expect(
      formatMonthlyCosts([
        { amountPerMonth: 95, currency: 'EUR' },
        { amountPerMonth: 21, currency: 'USD' },
      ]),
    ).toBe('€95.00 + US$21.00 a month');
    expect(formatMonthlyCosts([])).toBe('no cost known');
  });

  it('given applications with and without timings, when the slowest is asked, then it is the longest p95 among those measured', () => {
    const rows = [
      { applicationId: 'erp', applicationName: 'ERP', stats: { acknowledged: 2, pending: 0, p50Seconds: 1, p95Seconds: 30 } },
      { applicationId: 'slack', applicationName: null, stats: { acknowledged: 1, pending: 0, p50Seconds: 40, p95Seconds: 40 } },
      { applicationId: 'wiki', applicationName: 'Wiki', stats: null },
    ];
    expect(slowest(rows, (row) => row.stats)).toEqual({ name: 'slack', p95Seconds: 40 });
    expect(slowest([], () => null)).toBeNull();
  });
});
