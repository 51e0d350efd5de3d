import { createHash } from 'node:crypto';
import type { PublishedIdentityStatus } from '@tenure/contracts';
import type { RemediationPlan } from './remediation-plan';

// Drift: how a target differs from what Tenure knows (its identities) and wants (the assignments).
// A drift is named by what it is about, not by when it was found, so the same difference seen
// again by the next run is the same drift.

export const DRIFT_KINDS = ['orphaned-account', 'grant-outside-tenure', 'missing-grant', 'attribute-drift'] as const;
/**
 * - orphaned-account: an account no identity matches (by user name, or by the employee number the
 *   target recorded), or an enabled account of a terminated identity;
 * - grant-outside-tenure: a grant no active assignment asks for;
 * - missing-grant: an active, current assignment whose grant the target lacks;
 * - attribute-drift: an account whose display name or email differs from its identity's.
 */
export type DriftKind = (typeof DRIFT_KINDS)[number];

export type DriftCounts = Readonly<Record<DriftKind, number>>;

export const NO_DRIFT: DriftCounts = { 'orphaned-account': 0, 'grant-outside-tenure': 0, 'missing-grant': 0, 'attribute-drift': 0 };

/** What makes a drift this drift: the same four values, the same drift. */
export interface DriftSubject {
  readonly applicationId: string;
  readonly kind: DriftKind;
  /** The account in the target (for a missing grant of an identity without an account: the name Tenure gives it). */
  readonly userName: string;
  /** Null for drift about the account itself (orphaned, attributes). */
  readonly entitlementKey: string | null;
}

/** 32 hex digits of SHA-256 over the subject: stable across runs, safe in stream names and operation ids. */
export function driftIdOf(subject: DriftSubject): string {
  const { applicationId, kind, userName, entitlementKey } = subject;
  return createHash('sha256')
    .update(JSON.stringify([applicationId, kind, userName, entitlementKey]))
    .digest('hex')
    .slice(0, 32);
}

export interface AttributeDifference {
  readonly attribute: 'displayName' | 'email';
  /** What the identity says (HR is the source of truth). */
  readonly expected: string;
  readonly actual: string | null;
}

/** One drift as a run found it, with what the application's setting decided for it. */
export interface DriftFinding extends DriftSubject {
  readonly driftId: string;
  /** 1 the first time; one more each time it comes back after a run no longer found it. */
  readonly occurrence: number;
  /** Whether this run is the first to see this occurrence. */
  readonly firstSeen: boolean;
  readonly identityId: string | null;
  readonly employeeNumber: string | null;
  readonly identityStatus: PublishedIdentityStatus | null;
  /** Null when the target has no account (a missing grant of an identity without one). */
  readonly accountEnabled: boolean | null;
  /** The assignment a missing grant is owed to. */
  readonly assignmentId: string | null;
  /** Why it is drift, in words, e.g. "no identity has the user name or employee number of this account". */
  readonly reason: string;
  readonly differences: readonly AttributeDifference[];
  readonly remediation: RemediationPlan;
}

/** How a drift stands in the read model before a run, as far as the run needs to know. */
export interface KnownDrift {
  readonly occurrence: number;
  /** Open, remediating, adopted, dismissed... (see the drift read model). */
  readonly status: string;
  /** A completed run no longer found it: seeing it again starts a new occurrence. */
  readonly gone: boolean;
}

/** The occurrence a finding belongs to: the known one while it lasts, else a new one. */
export function occurrenceOf(known: KnownDrift | null): { readonly occurrence: number; readonly firstSeen: boolean } {
  if (known === null) return { occurrence: 1, firstSeen: true };
  if (known.gone) return { occurrence: known.occurrence + 1, firstSeen: true };
  return { occurrence: known.occurrence, firstSeen: false };
}
