// The period the dashboard's compliance reports cover: whole UTC days, chosen in a GET form
// (reportsFrom, reportsTo as YYYY-MM-DD, both inclusive); the last 30 days when none is chosen.

export const DEFAULT_REPORT_DAYS = 30;
/** The services refuse longer periods; the form says so before asking them. */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportPeriod {
  /** Inclusive. */
  from: Date;
  /** Exclusive: the services take [from, to). */
  to: Date;
  /** The days as the form shows them, both inclusive. */
  fromDay: string;
  toDay: string;
  /** True for the default: the last 30 days up to now. */
  isDefault: boolean;
}

export interface ReportPeriodChoice {
  period: ReportPeriod;
  /** Why the chosen days were not taken (the default is shown instead). */
  error?: string;
}

/** Reads the chosen days; anything invalid falls back to the last 30 days, with the reason. */
export function readReportPeriod(fromText: string | undefined, toText: string | undefined, now: Date): ReportPeriodChoice {
  const fallback = defaultPeriod(now);
  if (fromText === undefined && toText === undefined) return { period: fallback };
  const from = fromText === undefined ? new Date(fallback.from.toISOString().slice(0, 10)) : day(fromText);
  const lastDay = toText === undefined ? new Date(now.toISOString().slice(0, 10)) : day(toText);
  if (!from || !lastDay) return { period: fallback, error: 'Give the days as YYYY-MM-DD.' };
  const to = new Date(lastDay.getTime() + DAY_MS);
  if (from.getTime() >= to.getTime()) return { period: fallback, error: 'The first day must not be after the last day.' };
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
    return { period: fallback, error: `Choose at most ${MAX_REPORT_DAYS} days.` };
  }
  return { period: { from, to, fromDay: isoDay(from), toDay: isoDay(lastDay), isDefault: false } };
}

export function defaultPeriod(now: Date): ReportPeriod {
  const from = new Date(now.getTime() - DEFAULT_REPORT_DAYS * DAY_MS);
  return { from, to: now, fromDay: isoDay(from), toDay: isoDay(now), isDefault: true };
}

function day(text: string): Date | null {
  if (!DAY.test(text)) return null;
  const date = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== text ? null : date;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
