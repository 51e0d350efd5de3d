import type { RebuildProgress } from '../projections/rebuild-projection';

/** "counts  [########------------]  40%  100/250 events  812 ev/s  ~0.2 s left" */
export function progressLine(progress: RebuildProgress, width = 24): string {
  const fraction = progress.total === 0 ? 1 : Math.min(progress.applied / progress.total, 1);
  const filled = Math.round(fraction * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const left = progress.secondsLeft === undefined ? '' : `  ~${formatSeconds(progress.secondsLeft)} left`;
  return `${progress.projection}  [${bar}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${progress.applied}/${progress.total} events  ${Math.round(progress.eventsPerSecond)} ev/s${left}`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
