import { formatDuration } from '@/components/admin/format';
import type { MonthlyCost, TimingStats } from '@/lib/data/compliance-reports';

/** "1 min 5 s" from seconds; an em dash when nothing was measured. */
export function formatSeconds(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '—' : formatDuration(seconds * 1000);
}

/** "p50 2.0 s · p95 9.2 s (3)", or what is missing. */
export function formatTiming(stats: TimingStats | null): string {
  if (!stats) return 'none in the period';
  if (stats.acknowledged === 0) return `none acknowledged yet (${stats.pending} pending)`;
  const pending = stats.pending > 0 ? `, ${stats.pending} pending` : '';
  return `p50 ${formatSeconds(stats.p50Seconds)} · p95 ${formatSeconds(stats.p95Seconds)} (${stats.acknowledged}${pending})`;
}

/** "€103.25 a month"; several currencies are listed side by side, never added up. */
export function formatMonthlyCosts(costs: readonly MonthlyCost[]): string {
  if (costs.length === 0) return 'no cost known';
  return `${costs.map(formatMoney).join(' + ')} a month`;
}

export function formatMoney(cost: MonthlyCost): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: cost.currency }).format(cost.amountPerMonth);
}

/** The application with the longest p95 one way, for the headline figure. */
export function slowest<T extends { applicationName: string | null; applicationId: string }>(
  rows: readonly T[],
  stats: (row: T) => TimingStats | null,
): { name: string; p95Seconds: number } | null {
  let found: { name: string; p95Seconds: number } | null = null;
  for (const row of rows) {
    const p95 = stats(row)?.p95Seconds;
    if (p95 === null || p95 === undefined) continue;
    if (!found || p95 > found.p95Seconds) found = { name: row.applicationName ?? row.applicationId, p95Seconds: p95 };
  }
  return found;
}
