import type { Pool } from 'pg';
import type { Projection } from '../projections/projection';
import { countEvents, type RebuildProgress } from '../projections/rebuild-projection';

/** A rebuild's progress, with where it stands among the projections being rebuilt. */
export interface ReplayProgress extends RebuildProgress {
  /** 1-based. */
  readonly index: number;
  readonly of: number;
}

export function progressTracker(
  projection: string,
  total: number,
  place: { index: number; of: number },
  report: ((progress: ReplayProgress) => void) | undefined,
  now: () => number,
): (count: number, position: RebuildProgress['position']) => void {
  const started = now();
  let applied = 0;
  return (count, position) => {
    applied += count;
    const seconds = (now() - started) / 1_000;
    const eventsPerSecond = seconds > 0 ? applied / seconds : 0;
    report?.({
      projection,
      applied,
      total: Math.max(total, applied),
      eventsPerSecond,
      secondsLeft: eventsPerSecond > 0 ? Math.max(total - applied, 0) / eventsPerSecond : undefined,
      position,
      ...place,
    });
  };
}

/** The tracker of the `index`-th (0-based) of `projections`, its total counted in the live log. */
export async function trackProjection(
  live: Pool,
  projections: readonly Projection[],
  index: number,
  report: ((progress: ReplayProgress) => void) | undefined,
  now: () => number,
): Promise<(count: number, position: RebuildProgress['position']) => void> {
  const projection = projections[index]!;
  return progressTracker(projection.name, await countEvents(live, projection), { index: index + 1, of: projections.length }, report, now);
}
