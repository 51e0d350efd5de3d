// The shapes the command line reads from the gateway, field for field as gateway/supergraph.graphql names them.

export type AssignmentStatus = 'PENDING_PROVISIONING' | 'ACTIVE' | 'REVOKING' | 'REVOKED';
export type AccessRequestStatus = 'PENDING' | 'APPROVED' | 'GRANTED' | 'REFUSED' | 'DENIED' | 'CANCELLED' | 'FULFILMENT_FAILED';
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface Person {
  readonly id: string;
  readonly employeeNumber: string;
  readonly displayName: string;
  readonly email: string;
  readonly department: string;
  readonly title: string;
  readonly status: string;
  readonly manager: { readonly employeeNumber: string; readonly displayName: string } | null;
}

export interface Assignment {
  readonly id: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly status: AssignmentStatus;
  readonly source: { readonly kind: string; readonly reference: string };
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly durationMs: number | null;
  readonly acknowledgedAt: string | null;
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
}

export interface RequestParty {
  readonly kind: 'PERSON' | 'ADMINISTRATOR' | 'PROCESS';
  readonly employeeNumber: string | null;
}

export interface ApprovalStep {
  readonly index: number;
  readonly kind: string;
  readonly description: string;
  readonly approvers: readonly string[];
  readonly toAdministrators: boolean;
  readonly status: 'WAITING' | 'OPEN' | 'APPROVED' | 'DENIED' | 'CLOSED';
  readonly approvals: readonly { readonly by: RequestParty; readonly comment: string; readonly at: string }[];
}

export interface AccessRequest {
  readonly id: string;
  readonly subjectEmployeeNumber: string;
  readonly requesterEmployeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
  readonly requestedDurationHours: number | null;
  readonly grantedDurationHours: number | null;
  readonly status: AccessRequestStatus;
  readonly decisionReasons: readonly string[];
  readonly risk: string | null;
  readonly approvedHow: string | null;
  readonly sodConflicts: readonly { readonly ruleName: string; readonly blocking: boolean; readonly explanation: string }[];
  readonly steps: readonly ApprovalStep[];
  readonly denial: { readonly by: RequestParty; readonly stepIndex: number; readonly comment: string } | null;
  readonly assignmentId: string | null;
  readonly failureReason: string | null;
  readonly cancellation: string | null;
  readonly requestedAt: string;
  readonly decidedAt: string | null;
  readonly grantedAt: string | null;
  readonly closedAt: string | null;
}

/** Policy's answer before a request is made (RequestDecision). */
export interface RequestDecision {
  readonly allowed: boolean;
  readonly reasons: readonly string[];
  readonly policyVersion: number;
  readonly policyName: string | null;
  readonly risk: RiskLevel | null;
  readonly maxDurationHours: number | null;
  readonly grantedDurationHours: number | null;
  readonly approvalChain: readonly {
    readonly step: { readonly kind: string; readonly group: string | null; readonly approvals: number };
    readonly description: string;
  }[];
  readonly autoApproved: boolean;
  readonly autoApprovalReasons: readonly string[];
  readonly breakGlass: boolean;
  readonly sodConflicts: readonly {
    readonly ruleName: string;
    readonly severity: RiskLevel;
    readonly action: string;
    readonly blocking: boolean;
    readonly explanation: string;
  }[];
}

export interface CatalogEntitlement {
  readonly id: string;
  readonly applicationId: string;
  readonly application: { readonly name: string } | null;
  readonly key: string;
  readonly displayName: string;
  readonly description: string | null;
  readonly kind: string;
  readonly risk: RiskLevel | null;
  readonly requestable: boolean;
  readonly ownerEmployeeNumber: string | null;
}

export interface NotificationPreference {
  /** The NotificationKind enum value, e.g. REQUEST_DECIDED. */
  readonly kind: string;
  /** EMAIL or SLACK. */
  readonly channel: string;
  readonly enabled: boolean;
  /** Whether the platform sends on this channel at all. */
  readonly channelConfigured: boolean;
}
