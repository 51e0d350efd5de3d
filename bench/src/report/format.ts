/** Milliseconds with two decimals: "1.23 ms". */
export function formatMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

/** A rate rounded to a whole number with thousands separators: "12,345". */
export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}

/** A ratio with two decimals: "0.93x". */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** Rounds a figure for the JSON line: enough digits to compare runs, not noise. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
