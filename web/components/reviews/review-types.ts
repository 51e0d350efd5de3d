// Review items and campaigns as the review pages read them from the workflow subgraph.

export const REVIEW_ITEM_FIELDS = `
  id campaignId assignmentId identityId employeeNumber applicationId entitlementKey
  source { kind reference policyVersion }
  reviewer { kind employeeNumber }
  status decision comment decidedBy decidedAt reassignedFrom
`;

export interface ReviewItem {
  id: string;
  campaignId: string;
  assignmentId: string;
  identityId: string;
  employeeNumber: string;
  applicationId: string;
  entitlementKey: string;
  source: { kind: string; reference: string; policyVersion: number | null };
  reviewer: { kind: string; employeeNumber: string | null };
  status: 'PENDING' | 'DECIDED' | 'DEFAULTED' | 'WITHDRAWN';
  decision: 'KEEP' | 'REVOKE' | null;
  comment: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reassignedFrom: string | null;
}

export interface ReviewProgress {
  total: number;
  decided: number;
  kept: number;
  revoked: number;
  defaulted: number;
  withdrawn: number;
  pending: number;
}

export const REVIEW_CAMPAIGN_FIELDS = `
  id name scopeKind scopeTarget reviewerRule status startedBy startedAt deadline closedAt defaultAction remindersSent
  progress { total decided kept revoked defaulted withdrawn pending }
`;

export interface ReviewCampaign {
  id: string;
  name: string;
  scopeKind: string;
  scopeTarget: string;
  reviewerRule: string;
  status: 'OPEN' | 'CLOSED';
  startedBy: string;
  startedAt: string;
  deadline: string;
  closedAt: string | null;
  defaultAction: string;
  remindersSent: number;
  progress: ReviewProgress;
}

/** The caller's own share of a campaign, counted from the items they owe (reviewers cannot read campaigns). */
export interface MyCampaignShare {
  campaignId: string;
  total: number;
  pending: number;
  kept: number;
  revoked: number;
  closedOtherwise: number;
}

export function mySharesOf(items: readonly ReviewItem[]): MyCampaignShare[] {
  const shares = new Map<string, MyCampaignShare>();
  for (const item of items) {
    const share = shares.get(item.campaignId) ?? {
      campaignId: item.campaignId,
      total: 0,
      pending: 0,
      kept: 0,
      revoked: 0,
      closedOtherwise: 0,
    };
    share.total += 1;
    if (item.status === 'PENDING') share.pending += 1;
    else if (item.status === 'DECIDED' && item.decision === 'KEEP') share.kept += 1;
    else if (item.status === 'DECIDED' && item.decision === 'REVOKE') share.revoked += 1;
    else share.closedOtherwise += 1;
    shares.set(item.campaignId, share);
  }
  return [...shares.values()];
}
