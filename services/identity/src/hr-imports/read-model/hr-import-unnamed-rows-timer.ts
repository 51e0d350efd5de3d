/**
 * Timers of this kind carry `{ runId }` and erase that run's rejected rows that name nobody. Each is due
 * when its run ended (the start of the retention period); the worker fires it once the period has passed.
 */
export const HR_IMPORT_UNNAMED_ROWS_TIMER = 'hr-import-unnamed-rows-retention';

export function unnamedRowsTimerId(runId: string): string {
  return `hr-import-unnamed-rows:${runId}`;
}
