import { riskRank, type RiskLevel } from '../model/entitlement';
import type { AutoApproval } from '../model/policy-set';
import type { PeerAdoption } from './decision-types';
import { hours } from './request-duration';

export interface AutoApprovalJudgement {
  readonly met: boolean;
  /** One line per condition, met or not, so the requester sees why people still have to approve. */
  readonly reasons: string[];
}

/** All of: risk at most maxRisk, enough peers hold it (unless the share is 0), duration short enough. */
export function judgeAutoApproval(
  autoApproval: AutoApproval | null,
  risk: RiskLevel,
  grantedHours: number | null,
  peers: PeerAdoption | null,
): AutoApprovalJudgement {
  if (autoApproval === null) return { met: false, reasons: ['The access policy has no auto-approval: people approve.'] };
  const checks = [riskCheck(autoApproval, risk), peerCheck(autoApproval, peers), durationCheck(autoApproval, grantedHours)];
  return { met: checks.every((check) => check.met), reasons: checks.map((check) => check.reason) };
}

interface Check {
  readonly met: boolean;
  readonly reason: string;
}

function riskCheck({ maxRisk }: AutoApproval, risk: RiskLevel): Check {
  return riskRank(risk) <= riskRank(maxRisk)
    ? { met: true, reason: `Risk ${risk} is within the auto-approval limit (${maxRisk}).` }
    : { met: false, reason: `Risk ${risk} is above the auto-approval limit (${maxRisk}).` };
}

function peerCheck({ minPeerShare, peerGroup }: AutoApproval, peers: PeerAdoption | null): Check {
  if (minPeerShare === 0) return { met: true, reason: 'Peer adoption is not required.' };
  const required = percent(minPeerShare);
  const group = peerGroupWords(peerGroup);
  if (peers === null)
    return { met: false, reason: `Peer adoption is unknown: auto-approval needs ${required} of peers ${group} to hold it.` };
  if (peers.peerGroup !== peerGroup) {
    return {
      met: false,
      reason: `Peer figures are for peers ${peerGroupWords(peers.peerGroup)}, but auto-approval counts peers ${group}.`,
    };
  }
  const share = peers.peers > 0 ? peers.holding / peers.peers : 0;
  const observed = `${peers.holding} of ${peers.peers} peers ${group} hold it (${percent(share)})`;
  return share >= minPeerShare
    ? { met: true, reason: `${observed}, at least the ${required} auto-approval needs.` }
    : { met: false, reason: `${observed}, below the ${required} auto-approval needs.` };
}

function durationCheck({ maxDurationHours }: AutoApproval, grantedHours: number | null): Check {
  if (maxDurationHours === null) return { met: true, reason: 'Auto-approval allows any duration.' };
  if (grantedHours === null)
    return { met: false, reason: `A grant without an end is longer than the ${hours(maxDurationHours)} auto-approval allows.` };
  return grantedHours <= maxDurationHours
    ? { met: true, reason: `${hours(grantedHours)} is within the ${hours(maxDurationHours)} auto-approval allows.` }
    : { met: false, reason: `${hours(grantedHours)} is longer than the ${hours(maxDurationHours)} auto-approval allows.` };
}

function peerGroupWords(group: PeerAdoption['peerGroup']): string {
  switch (group) {
    case 'department':
      return 'in the same department';
    case 'manager':
      return 'with the same manager';
    case 'title':
      return 'with the same title';
  }
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
