import { formatHours } from '../parse/duration';

/** An instant for people: `2026-11-27 10:40 UTC (in 3h 59m)`, relative to `now`. */
export function formatInstant(iso: string, now: Date): string {
  const at = new Date(iso);
  const absolute = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const deltaHours = (at.getTime() - now.getTime()) / 3_600_000;
  if (Math.abs(deltaHours) < 1 / 60) return `${absolute} (now)`;
  return deltaHours > 0 ? `${absolute} (in ${formatHours(deltaHours)})` : `${absolute} (${formatHours(-deltaHours)} ago)`;
}
