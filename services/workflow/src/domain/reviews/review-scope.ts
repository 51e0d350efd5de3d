import type { AssignmentSource } from '@tenure/contracts';

/**
 * What a campaign reviews: the assignments held in its scope when it starts.
 * - `application` / `entitlement`: everyone holding it;
 * - `manager`: everyone reporting to the manager, directly or indirectly (a manager answers for
 *   their whole organisation, as "reports to" in policy conditions does);
 * - `mover`: what a moved identity kept that is not birthright, for the new manager;
 * - `break-glass`: the one assignment an emergency grant created, for the owner.
 */
export type ReviewScope =
  | { readonly kind: 'application'; readonly applicationId: string }
  | { readonly kind: 'entitlement'; readonly applicationId: string; readonly entitlementKey: string }
  | { readonly kind: 'manager'; readonly managerEmployeeNumber: string }
  | {
      readonly kind: 'mover';
      readonly identityId: string;
      readonly moveEventId: string;
      readonly newManagerEmployeeNumber: string | null;
    }
  | { readonly kind: 'break-glass'; readonly requestId: string; readonly identityId: string; readonly assignmentId: string };

/** How each item's reviewer is found: the manager of the item's identity, or the entitlement's owner (else the application's). */
export type ReviewerRule = 'manager' | 'entitlement-owner';

/** What happens at the deadline to items nobody decided. */
export type ReviewDefaultAction = 'revoke' | 'keep';

export type ReviewDecision = 'keep' | 'revoke';

/** Who decides an item: a person (by employee number) or, when nobody fits, the administrators. */
export type Reviewer = { readonly kind: 'person'; readonly employeeNumber: string } | { readonly kind: 'administrators' };

export const ADMINISTRATORS: Reviewer = { kind: 'administrators' };

export function personReviewer(employeeNumber: string): Reviewer {
  return { kind: 'person', employeeNumber };
}

/** One held assignment under review, as it was when the campaign started. */
export interface ReviewItem {
  readonly itemId: string;
  readonly assignmentId: string;
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly reviewer: Reviewer;
}

/** Who decided: the reviewer in person, or an administrator (only for items owed to administrators). */
export type ReviewDecidedBy =
  { readonly kind: 'person'; readonly employeeNumber: string } | { readonly kind: 'administrator'; readonly id: string };

export function sameReviewer(a: Reviewer, b: Reviewer): boolean {
  return a.kind === 'person' ? b.kind === 'person' && a.employeeNumber === b.employeeNumber : b.kind === 'administrators';
}

export function describeReviewer(reviewer: Reviewer): string {
  return reviewer.kind === 'person' ? reviewer.employeeNumber : 'administrators';
}

/** The campaign of a move: one per move event, so a move read twice opens it once. */
export function moverCampaignId(moveEventId: string): string {
  return `mover-${moveEventId}`;
}

/** The review of a break-glass grant: one per request. */
export function breakGlassCampaignId(requestId: string): string {
  return `break-glass-${requestId}`;
}

/** Item ids are unique across campaigns: the campaign and the assignment it reviews. */
export function reviewItemId(campaignId: string, assignmentId: string): string {
  return `${campaignId}:${assignmentId}`;
}
