import { CliError, ExitCode } from '../exit-codes';

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { m: 1, h: 60, d: 24 * 60 };
const DURATION = /^(?:\d+[mhd])+$/;
const PART = /(\d+)([mhd])/g;

/** The longest duration accepted on the command line: a year, far beyond any policy's maximum. */
const MAX_MINUTES = 366 * 24 * 60;

/**
 * A duration as people type it, `30m`, `4h`, `2d` or combined (`1d12h`, `2h30m`), in hours (the API's unit).
 * Throws a usage error naming the value and the accepted forms.
 */
export function parseDuration(text: string): number {
  const value = text.trim().toLowerCase();
  if (!DURATION.test(value)) {
    throw new CliError(`"${text}" is not a duration: use minutes, hours or days, e.g. 30m, 4h, 2d or 1d12h`, ExitCode.USAGE);
  }
  let minutes = 0;
  for (const [, amount, unit] of value.matchAll(PART)) minutes += Number(amount) * MINUTES_PER_UNIT[unit!]!;
  if (minutes <= 0) throw new CliError(`"${text}" is no time at all: ask for at least 1m`, ExitCode.USAGE);
  if (minutes > MAX_MINUTES) throw new CliError(`"${text}" is longer than a year: ask for less`, ExitCode.USAGE);
  return minutes / 60;
}

/** Hours as the command line writes them back: `30m`, `4h`, `2d`, `1d 12h`, `2h 30m`. */
export function formatHours(hours: number): string {
  const totalMinutes = Math.round(hours * 60);
  if (totalMinutes < 1) return `${Math.round(hours * 3600)}s`;
  const days = Math.floor(totalMinutes / (24 * 60));
  const restHours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}d` : '', restHours ? `${restHours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean);
  return parts.join(' ');
}
