import { DomainError } from '@tenure/event-sourcing';
import type { AdministeredScope, BulkDecisionResult } from '../../application/reviews/review-campaigns';
import type { ReviewEvidenceEntry as EvidenceView } from '../../application/reviews/review-evidence';
import type { ReviewScope } from '../../domain/reviews';
import type { ReviewCampaignView, ReviewItemView } from '../../read-model/workflow-reviews/workflow-reviews.queries';
import { AssignmentSource } from '../assignments/assignment.type';
import type { AssignmentSourceKind } from '../assignments/assignment-enums';
import {
  ReviewCampaignStatus,
  ReviewDecision,
  ReviewDefaultAction,
  ReviewerKind,
  ReviewerRule,
  ReviewItemStatus,
  ReviewScopeKind,
} from './review-enums';
import type { StartReviewCampaignInput } from './review.inputs';
import { ReviewCampaign, ReviewDecisionOutcome, ReviewerRef, ReviewEvidenceEntry, ReviewItem, ReviewProgress } from './review.types';

export function toReviewCampaign(view: ReviewCampaignView): ReviewCampaign {
  return Object.assign(new ReviewCampaign(), {
    id: view.campaignId,
    name: view.name,
    scopeKind: view.scope.kind as ReviewScopeKind,
    scopeTarget: scopeTarget(view.scope),
    reviewerRule: view.reviewerRule as ReviewerRule,
    status: view.status as ReviewCampaignStatus,
    startedBy: view.startedBy,
    startedAt: view.startedAt,
    deadline: view.deadline,
    closedAt: view.closedAt,
    defaultAction: view.defaultAction as ReviewDefaultAction,
    remindersSent: view.remindersSent,
    progress: Object.assign(new ReviewProgress(), view.progress),
  });
}

export function toReviewItem(view: ReviewItemView): ReviewItem {
  return Object.assign(new ReviewItem(), {
    id: view.itemId,
    campaignId: view.campaignId,
    assignmentId: view.assignmentId,
    identityId: view.identityId,
    employeeNumber: view.employeeNumber,
    applicationId: view.applicationId,
    entitlementKey: view.entitlementKey,
    source: Object.assign(new AssignmentSource(), { ...view.source, kind: view.source.kind as AssignmentSourceKind }),
    reviewer: Object.assign(new ReviewerRef(), {
      kind: view.reviewer.kind as ReviewerKind,
      employeeNumber: view.reviewer.kind === 'person' ? view.reviewer.employeeNumber : null,
    }),
    status: view.status as ReviewItemStatus,
    decision: view.decision as ReviewDecision | null,
    comment: view.comment,
    decidedBy: view.decidedBy,
    decidedAt: view.decidedAt,
    reassignedFrom: view.reassignedFrom,
  });
}

export function toEvidenceEntry(entry: EvidenceView): ReviewEvidenceEntry {
  return Object.assign(new ReviewEvidenceEntry(), {
    type: entry.type,
    occurredAt: new Date(entry.occurredAt),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    itemId: entry.itemId,
    decision: entry.decision as ReviewDecision | null,
    comment: entry.comment,
  });
}

export function toDecisionOutcome(result: BulkDecisionResult): ReviewDecisionOutcome {
  return Object.assign(new ReviewDecisionOutcome(), {
    itemId: result.itemId,
    decided: result.decided,
    errorCode: result.error?.code ?? null,
    errorMessage: result.error?.message ?? null,
  });
}

/** The input's flat scope fields to a scope, naming what is missing. */
export function toAdministeredScope(input: StartReviewCampaignInput): AdministeredScope {
  const required = (value: string | null | undefined, field: string): string => {
    if (!value || value.trim() === '') throw new DomainError('validation', `a ${input.scopeKind} campaign needs ${field}`, { field });
    return value.trim();
  };
  switch (input.scopeKind) {
    case ReviewScopeKind.APPLICATION:
      return { kind: 'application', applicationId: required(input.applicationId, 'applicationId') };
    case ReviewScopeKind.ENTITLEMENT:
      return {
        kind: 'entitlement',
        applicationId: required(input.applicationId, 'applicationId'),
        entitlementKey: required(input.entitlementKey, 'entitlementKey'),
      };
    case ReviewScopeKind.MANAGER:
      return { kind: 'manager', managerEmployeeNumber: required(input.managerEmployeeNumber, 'managerEmployeeNumber') };
    default:
      throw new DomainError('validation', `${input.scopeKind} reviews are opened by their process, not started by hand`);
  }
}

function scopeTarget(scope: ReviewScope): string {
  switch (scope.kind) {
    case 'application':
      return scope.applicationId;
    case 'entitlement':
      return `${scope.applicationId}/${scope.entitlementKey}`;
    case 'manager':
      return scope.managerEmployeeNumber;
    case 'mover':
      return scope.identityId;
    case 'break-glass':
      return scope.requestId;
  }
}
