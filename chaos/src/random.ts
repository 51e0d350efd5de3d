import { seededRandom } from '@tenure/connector-simulated';

/**
 * Every random choice of a chaos run (workload, kills, faults) comes from one seeded generator per
 * purpose, so a failing run is replayed by giving its printed seed (CHAOS_SEED). Replays are exact
 * for the choices; the platform's own timing still varies, as it would in production.
 */
export class Dice {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** A number in [0, 1). */
  roll(): number {
    return this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('nothing to pick from');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A generator of its own, derived from this one: each purpose draws without shifting the others. */
  fork(purpose: string): Dice {
    let hash = Math.floor(this.next() * 2 ** 31);
    for (const character of purpose) hash = (hash * 31 + character.charCodeAt(0)) | 0;
    return new Dice(hash >>> 0);
  }
}
