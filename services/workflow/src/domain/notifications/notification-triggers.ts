// What the notification process manager is told, assembled by the application from an event and
// workflow's read models (never from another service's tables): plain data, so the decision is pure.

export interface RequestSummary {
  readonly requestId: string;
  readonly requesterEmployeeNumber: string;
  readonly subjectEmployeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
}

export type RequestOutcome = 'granted' | 'denied' | 'failed' | 'cancelled';

/** Reviewer as the review events name it; administrators have their queue, not a message. */
export type ReviewerRef = { readonly kind: 'person'; readonly employeeNumber: string } | { readonly kind: 'administrators' };

export type NotificationTrigger =
  | {
      readonly type: 'approval-step-opened';
      readonly request: RequestSummary;
      readonly stepIndex: number;
      /** The step's approvers now (opened, escalated or reassigned): only those not told before get a message. */
      readonly approvers: readonly string[];
      readonly toAdministrators: boolean;
    }
  | {
      readonly type: 'request-decided';
      readonly request: RequestSummary;
      readonly outcome: RequestOutcome;
      /** Who decided or cancelled, when a person: they are not told what they did themselves. */
      readonly byEmployeeNumber: string | null;
      readonly comment: string | null;
    }
  | {
      readonly type: 'review-campaign-started';
      readonly campaignId: string;
      readonly campaignName: string;
      readonly deadline: string;
      readonly reviewers: readonly ReviewerRef[];
    }
  | {
      readonly type: 'review-reminders-sent';
      readonly campaignId: string;
      readonly campaignName: string;
      readonly deadline: string;
      /** The reminder's scheduled time: one message per reminder even if it is recorded again. */
      readonly dueAt: string;
      readonly reviewers: readonly { readonly reviewer: ReviewerRef; readonly pending: number }[];
    }
  | {
      readonly type: 'manual-task-opened';
      readonly taskId: string;
      readonly applicationId: string;
      readonly ownerEmployeeNumber: string;
      readonly dueAt: string;
    }
  | {
      readonly type: 'leaver-run-completed';
      readonly runId: string;
      readonly leaverEmployeeNumber: string;
      readonly managerEmployeeNumber: string | null;
      readonly status: 'completed' | 'completed-with-failures';
      readonly completedAt: string;
    }
  | {
      readonly type: 'access-expiring';
      readonly assignmentId: string;
      readonly holderEmployeeNumber: string;
      readonly applicationId: string;
      readonly entitlementKey: string;
      /** When the grant's clock started (acknowledged); a grant shorter than the warning lead is not warned. */
      readonly grantedAt: string | null;
      readonly validUntil: string;
      readonly warningLeadMs: number;
    }
  | {
      /** A requested (time-bound) grant ran out and the application confirmed its removal. */
      readonly type: 'access-expired';
      readonly assignmentId: string;
      readonly holderEmployeeNumber: string;
      readonly applicationId: string;
      readonly entitlementKey: string;
      readonly removedAt: string;
    };
