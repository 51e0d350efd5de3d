/**
 * Employee numbers in the order people expect: numerically when both are digits ("999" before
 * "1000"), otherwise by code unit, which is the same on every machine (unlike localeCompare).
 */
export function compareEmployeeNumbers(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const left = a.replace(LEADING_ZEROS, '');
    const right = b.replace(LEADING_ZEROS, '');
    if (left.length !== right.length) return left.length - right.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGITS = /^\d+$/;
const LEADING_ZEROS = /^0+(?=\d)/;
