import type { DomainEvent } from '@tenure/event-sourcing';
import type { ApprovalStep, RiskLevel, SodAction } from '@tenure/policy-decisions';

// One access request (stream `access-request-<requestId>`): a just-in-time request for one
// entitlement, its policy decision, its approvals step by step, and its fulfilment.

/** Who decided something on a request. Administrators act through a shared token: they have no employee number. */
export type RequestParty =
  | { readonly kind: 'person'; readonly employeeNumber: string }
  | { readonly kind: 'administrator' }
  /** A workflow process (the leaver). */
  | { readonly kind: 'process'; readonly id: string };

/** One SoD conflict the grant is part of, as the policy decision explained it. */
export interface RecordedSodConflict {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: RiskLevel;
  readonly action: SodAction;
  readonly blocking: boolean;
  readonly explanation: string;
}

/** The policy decision the request was taken on: what auditors read to know why. */
export interface RecordedDecision {
  /** Null when no valid policy was published yet (then it is refused). */
  readonly policyVersion: number | null;
  readonly policyId: string | null;
  readonly policyName: string | null;
  readonly allowed: boolean;
  readonly reasons: readonly string[];
  readonly risk: RiskLevel | null;
  readonly maxDurationHours: number | null;
  readonly grantedDurationHours: number | null;
  readonly autoApproved: boolean;
  readonly autoApprovalReasons: readonly string[];
  readonly breakGlass: boolean;
  readonly sodConflicts: readonly RecordedSodConflict[];
}

/**
 * A step of the approval chain with the people who may approve it, resolved when the request is
 * made (approver-resolution.ts). `toAdministrators`: nobody could be resolved, administrators decide.
 */
export interface PlannedStep {
  readonly kind: ApprovalStep['kind'];
  readonly description: string;
  /** The approver group of a `group` step. */
  readonly group: string | null;
  readonly requiredApprovals: number;
  /** Employee numbers; empty when the step goes to administrators. */
  readonly approvers: readonly string[];
  readonly toAdministrators: boolean;
}

export interface ExtensionOf {
  readonly requestId: string;
  readonly assignmentId: string;
}

export type AccessRequested = DomainEvent<
  'AccessRequested',
  {
    readonly requestId: string;
    readonly identityId: string;
    readonly subjectEmployeeNumber: string;
    readonly requesterEmployeeNumber: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly justification: string;
    readonly requestedDurationHours: number | null;
    readonly breakGlass: boolean;
    /** Set when the request asks to extend an assignment the subject holds. */
    readonly extensionOf: ExtensionOf | null;
    readonly decision: RecordedDecision;
    readonly chain: readonly PlannedStep[];
    readonly requestedAt: string;
  }
>;

export type AccessRequestRefused = DomainEvent<
  'AccessRequestRefused',
  { readonly requestId: string; readonly reasons: readonly string[]; readonly refusedAt: string }
>;

export type ApprovalStepOpened = DomainEvent<
  'ApprovalStepOpened',
  {
    readonly requestId: string;
    readonly stepIndex: number;
    readonly approvers: readonly string[];
    readonly toAdministrators: boolean;
    /** When a still-pending step moves to the approvers' managers; null: it does not escalate (administrators). */
    readonly escalatesAt: string | null;
    readonly openedAt: string;
  }
>;

export type ApprovalGiven = DomainEvent<
  'ApprovalGiven',
  {
    readonly requestId: string;
    readonly stepIndex: number;
    readonly by: RequestParty;
    readonly comment: string;
    readonly approvedAt: string;
  }
>;

export type AccessRequestDenied = DomainEvent<
  'AccessRequestDenied',
  { readonly requestId: string; readonly stepIndex: number; readonly by: RequestParty; readonly comment: string; readonly deniedAt: string }
>;

export type ApprovalStepEscalated = DomainEvent<
  'ApprovalStepEscalated',
  {
    readonly requestId: string;
    readonly stepIndex: number;
    readonly from: readonly string[];
    readonly approvers: readonly string[];
    readonly toAdministrators: boolean;
    readonly escalatesAt: string | null;
    readonly escalatedAt: string;
  }
>;

export type ApprovalStepReassigned = DomainEvent<
  'ApprovalStepReassigned',
  {
    readonly requestId: string;
    readonly stepIndex: number;
    /** The approver who left. */
    readonly leaver: string;
    /** Their manager, or null when they have none (or the manager may not approve). */
    readonly replacement: string | null;
    readonly approvers: readonly string[];
    readonly toAdministrators: boolean;
    readonly reassignedAt: string;
  }
>;

export type ApprovalHow = 'approvals' | 'auto' | 'break-glass' | 'no-approval-required';

export type AccessRequestApproved = DomainEvent<
  'AccessRequestApproved',
  {
    readonly requestId: string;
    readonly identityId: string;
    readonly how: ApprovalHow;
    /** Why it was approved without people (auto-approval's conditions, break-glass, an empty chain); empty after approvals. */
    readonly reasons: readonly string[];
    /** How long the grant lasts once provisioned; null: no end. */
    readonly grantedDurationHours: number | null;
    readonly approvedAt: string;
  }
>;

export type AccessGranted = DomainEvent<
  'AccessGranted',
  {
    readonly requestId: string;
    readonly identityId: string;
    readonly assignmentId: string;
    readonly breakGlass: boolean;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly grantedAt: string;
  }
>;

export type AccessFulfilmentFailed = DomainEvent<
  'AccessFulfilmentFailed',
  { readonly requestId: string; readonly reason: string; readonly failedAt: string }
>;

export type CancellationCause = 'requester' | 'subject' | 'administrator' | 'leaver';

export type AccessRequestCancelled = DomainEvent<
  'AccessRequestCancelled',
  {
    readonly requestId: string;
    /** Whose access: the assignments a cancellation may revoke are theirs. */
    readonly identityId: string;
    readonly by: RequestParty;
    readonly cause: CancellationCause;
    readonly reason: string | null;
    /** The assignment the request had granted, revoked with reason `cancelled`; null when nothing was granted. */
    readonly assignmentId: string | null;
    readonly cancelledAt: string;
  }
>;

export type AccessRequestEvent =
  | AccessRequested
  | AccessRequestRefused
  | ApprovalStepOpened
  | ApprovalGiven
  | AccessRequestDenied
  | ApprovalStepEscalated
  | ApprovalStepReassigned
  | AccessRequestApproved
  | AccessGranted
  | AccessFulfilmentFailed
  | AccessRequestCancelled;

export const ACCESS_REQUEST_EVENT_TYPES: readonly AccessRequestEvent['type'][] = [
  'AccessRequested',
  'AccessRequestRefused',
  'ApprovalStepOpened',
  'ApprovalGiven',
  'AccessRequestDenied',
  'ApprovalStepEscalated',
  'ApprovalStepReassigned',
  'AccessRequestApproved',
  'AccessGranted',
  'AccessFulfilmentFailed',
  'AccessRequestCancelled',
];
