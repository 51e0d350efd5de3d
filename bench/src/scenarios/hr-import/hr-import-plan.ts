/** How big the HR import scenario's files are. */
export interface HrImportPlan {
  readonly name: 'quick' | 'full';
  /** People in the first file (all hires into an empty directory). */
  readonly people: number;
  /** Rows per multi-row INSERT of the raw baseline. */
  readonly rawBatchSize: number;
}

export const QUICK_PLAN: HrImportPlan = { name: 'quick', people: 10_000, rawBatchSize: 1000 };
export const FULL_PLAN: HrImportPlan = { name: 'full', people: 100_000, rawBatchSize: 1000 };

/** The target on this machine: identities imported per second. */
export const MIN_IDENTITIES_PER_S = 1000;
