/**
 * The wait a `Retry-After` header asks for, in milliseconds (RFC 9110 §10.2.3): either
 * delay-seconds or an HTTP date. Null when absent or unreadable; a date in the past is no wait.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP-date form starts with a day name; anything else ("-3", "soon") is unreadable.
  if (!/^[A-Za-z]/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
