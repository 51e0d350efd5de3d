import type { EntitlementRef } from './entitlement';

/** The identity a decision is about, as policy's own copy of the directory holds it. */
export interface PolicySubject {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly status: 'pre-hire' | 'active' | 'on-leave' | 'terminated';
  readonly department: string;
  readonly title: string;
  readonly location: string;
  readonly costCenter: string;
  readonly employmentType: string;
  readonly managerEmployeeNumber: string | null;
  /** Employee numbers of the managers above, nearest first (direct manager first). */
  readonly managerChain: readonly string[];
  readonly custom: Readonly<Record<string, string>>;
}

/** An entitlement the identity holds (or will hold), with where it came from. */
export interface HeldEntitlement {
  readonly entitlement: EntitlementRef;
  /** Free text for explanations, e.g. "birthright: Engineering baseline" or "request 42". */
  readonly source?: string;
}

/** An approved, time-bound waiver of one SoD rule for one identity. */
export interface SodException {
  readonly exceptionId: string;
  readonly ruleId: string;
  readonly identityId: string;
  readonly approvedBy: string;
  readonly reason: string;
  /** ISO instant; the exception no longer applies from then on. */
  readonly validUntil: string;
}
