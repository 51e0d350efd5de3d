import { DomainError } from '@tenure/event-sourcing';

/**
 * Effective dates are ISO calendar dates (`YYYY-MM-DD`) with no time zone: HR systems speak in days.
 * "Today" is the UTC date of the command's `now`. UTC is deliberate: one rule for every identity,
 * independent of the server's zone; an organisation that needs local days converts before it sends.
 * ISO dates order correctly as strings, so comparisons are plain string comparisons.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Throws a `validation` error naming the field (and the employee, when known) unless `value` is an ISO date. */
export function assertIsoDate(value: string, field: string, employeeNumber: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new DomainError('validation', `employee ${employeeNumber}: ${field} "${value}" is not a valid date (expected YYYY-MM-DD)`, {
      employeeNumber,
      field,
      value,
    });
  }
  return value;
}

/** The UTC calendar date of an instant: the "today" every command is decided against. */
export function utcDateOf(now: Date, employeeNumber: string): IsoDate {
  if (Number.isNaN(now.getTime())) {
    throw new DomainError('validation', `employee ${employeeNumber}: the command's time "now" is not a valid instant`, {
      employeeNumber,
      field: 'now',
    });
  }
  return now.toISOString().slice(0, 10);
}

export function minDate(dates: readonly (IsoDate | null)[]): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const date of dates) if (date !== null && (earliest === null || date < earliest)) earliest = date;
  return earliest;
}
