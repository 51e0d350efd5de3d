import type { PolicySet } from '@tenure/policy-decisions';

/**
 * Everything requestable by anyone active, for at most an hour, approved without people: the
 * auto-approval accepts any risk up to high and ignores peers. No birthright: the requesters hold nothing else.
 */
export function autoApprovedRequests(): PolicySet {
  return {
    roles: [],
    birthrightRules: [],
    sodRules: [],
    accessPolicies: [
      {
        id: 'bench-jit',
        name: 'Anything, auto-approved, for at most an hour (bench)',
        scope: { kind: 'default' },
        requestable: true,
        requestableBy: null,
        maxDurationHours: 1,
        approvalChain: [],
        autoApproval: { maxRisk: 'high', minPeerShare: 0, peerGroup: 'department', maxDurationHours: null },
        risk: 'low',
        breakGlass: false,
      },
    ],
    approverGroups: [],
  };
}
