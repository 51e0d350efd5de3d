import type { HrRecord } from '../../domain/hr-record';
import type { HrLeaveCause } from './hr-change-set';

export interface TerminationFacts {
  readonly cause: Exclude<HrLeaveCause, 'missing-from-complete-file'>;
  readonly effectiveDate: string;
  /** The effective date is after `asOf`. */
  readonly scheduled: boolean;
}

/**
 * What a record says about the end of employment on `asOf` (YYYY-MM-DD): nothing, a termination now
 * (inactive, or a termination date today or earlier), or a termination scheduled for a later date.
 */
export function terminationOf(record: HrRecord, asOf: string): TerminationFacts | null {
  const { terminationDate } = record;
  if (!record.active) {
    const effectiveDate = terminationDate !== null && terminationDate <= asOf ? terminationDate : asOf;
    return { cause: 'inactive-in-file', effectiveDate, scheduled: false };
  }
  if (terminationDate === null) return null;
  return { cause: 'termination-date', effectiveDate: terminationDate, scheduled: terminationDate > asOf };
}

export function describeTermination(facts: TerminationFacts): string {
  switch (facts.cause) {
    case 'inactive-in-file':
      return 'inactive in the HR file';
    case 'termination-date':
      return `termination date ${facts.effectiveDate} in the HR file`;
    default: {
      const unexpected: never = facts.cause;
      throw new Error(`unknown termination cause ${String(unexpected)}`);
    }
  }
}
