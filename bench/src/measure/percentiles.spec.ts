import { percentile, summarize } from './percentiles';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it('picks the value at rank ceil(p/100 * n) of 1..100', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 99.5)).toBe(100);
    expect(percentile(oneToHundred, 100)).toBe(100);
  });

  it('returns the minimum for p = 0 and never interpolates', () => {
    expect(percentile([4, 8], 0)).toBe(4);
    expect(percentile([4, 8], 50)).toBe(4);
    expect(percentile([4, 8], 51)).toBe(8);
  });

  it('sorts numerically, not as strings, and leaves the input untouched', () => {
    const samples = [10, 9, 100, 1];
    expect(percentile(samples, 50)).toBe(9);
    expect(percentile(samples, 75)).toBe(10);
    expect(samples).toEqual([10, 9, 100, 1]);
  });

  it('lets the tail decide p99 when few samples are slow', () => {
    const fastThenTwoSlow = [...Array.from({ length: 98 }, () => 1), 40, 50];
    expect(percentile(fastThenTwoSlow, 50)).toBe(1);
    expect(percentile(fastThenTwoSlow, 98)).toBe(1);
    expect(percentile(fastThenTwoSlow, 99)).toBe(40);
  });

  it('of a single sample is that sample at every p', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses no samples, NaN and p outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports count, extremes, mean and the usual percentiles', () => {
    expect(summarize(oneToHundred)).toEqual({ count: 100, min: 1, mean: 50.5, p50: 50, p90: 90, p99: 99, max: 100 });
  });
});
