/**
 * Formatting shared by server and client components. Dates are shown in UTC with a fixed format, so the
 * server's render and the browser's hydration agree whatever either's locale and time zone.
 */

/** "2026-03-14 09:30 UTC"; an em dash for no date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "PENDING_PROVISIONING" → "Pending provisioning". */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 hour", "36 hours", "no end" for null. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return 'no end';
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
}

/** A duration in words, to the minute for short ones: "2 d 3 h", "3 h 12 min", "4 min 05 s". */
export function formatRemaining(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.floor(milliseconds / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
