import type { NotificationKind } from './notification-kinds';
import type { RequestOutcome } from './notification-triggers';

/** What a message says, per kind: identifiers and dates; names and addresses are looked up when it is sent. */
export type NotificationContent =
  | {
      readonly kind: 'approval-waiting';
      readonly requestId: string;
      readonly requesterEmployeeNumber: string;
      readonly subjectEmployeeNumber: string;
      readonly applicationId: string;
      readonly entitlementKey: string;
      readonly justification: string;
    }
  | {
      readonly kind: 'request-decided';
      readonly requestId: string;
      readonly outcome: RequestOutcome;
      readonly subjectEmployeeNumber: string;
      readonly applicationId: string;
      readonly entitlementKey: string;
      readonly comment: string | null;
    }
  | { readonly kind: 'review-items-waiting'; readonly campaignId: string; readonly campaignName: string; readonly deadline: string }
  | {
      readonly kind: 'review-items-due';
      readonly campaignId: string;
      readonly campaignName: string;
      readonly deadline: string;
      readonly pending: number;
    }
  | { readonly kind: 'manual-task-assigned'; readonly taskId: string; readonly applicationId: string; readonly dueAt: string }
  | {
      readonly kind: 'leaver-completed';
      readonly runId: string;
      readonly leaverEmployeeNumber: string;
      readonly status: 'completed' | 'completed-with-failures';
      readonly completedAt: string;
    }
  | {
      readonly kind: 'access-expiring';
      readonly assignmentId: string;
      readonly applicationId: string;
      readonly entitlementKey: string;
      readonly validUntil: string;
    }
  | {
      /** Sent under the `access-expiring` preference: one switch for "my time-bound access is ending". */
      readonly kind: 'access-expired';
      readonly assignmentId: string;
      readonly applicationId: string;
      readonly entitlementKey: string;
      readonly removedAt: string;
    };

/**
 * One message to one person, before channels are chosen. `notificationId` is deterministic (kind,
 * subject, recipient), so deciding again after a crash or a replayed batch names the same message.
 */
export interface Notification {
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly recipientEmployeeNumber: string;
  readonly content: NotificationContent;
}

export type NotificationPlan =
  { readonly kind: 'notify'; readonly notifications: readonly Notification[] } | { readonly kind: 'ignored'; readonly reason: string };
