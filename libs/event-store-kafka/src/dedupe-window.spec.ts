import { DedupeWindow } from './dedupe-window';

describe('dedupe window', () => {
  it('remembers handled ids up to its capacity, forgetting the oldest first', () => {
    const window = new DedupeWindow(3);
    for (const id of ['a', 'b', 'c']) window.remember(id);
    expect(['a', 'b', 'c'].every((id) => window.has(id))).toBe(true);
    window.remember('d');
    expect(window.has('a')).toBe(false);
    expect(window.has('d')).toBe(true);
    expect(window.size).toBe(3);
  });

  it('treats a remembered id seen again as the newest', () => {
    const window = new DedupeWindow(2);
    window.remember('a');
    window.remember('b');
    window.remember('a');
    window.remember('c');
    expect(window.has('a')).toBe(true);
    expect(window.has('b')).toBe(false);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new DedupeWindow(0)).toThrow(RangeError);
    expect(() => new DedupeWindow(1.5)).toThrow(RangeError);
  });
});
