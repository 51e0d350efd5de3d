import type { RequestDecision } from '../api/types';
import { formatHours } from '../parse/duration';

/** The policy's decision on a request, before it is made: allowed or not and why, approvals, duration, SoD. */
export function decisionLines(entitlement: string, requestedHours: number, decision: RequestDecision): string[] {
  const lines = [
    `Policy decision for ${entitlement} for ${formatHours(requestedHours)}: ${decision.allowed ? 'allowed' : 'REFUSED'}`,
    `  policy:        ${decision.policyName ?? 'none applies'} (version ${decision.policyVersion})`,
  ];
  if (decision.risk) lines.push(`  risk:          ${decision.risk.toLowerCase()}`);
  lines.push(`  max duration:  ${decision.maxDurationHours === null ? 'no limit' : formatHours(decision.maxDurationHours)}`);
  if (decision.allowed && decision.grantedDurationHours !== null && decision.grantedDurationHours < requestedHours) {
    lines.push(`  granted for:   ${formatHours(decision.grantedDurationHours)} (capped by the policy)`);
  }
  if (decision.allowed) {
    if (decision.autoApproved) lines.push('  approval:      automatic');
    else if (decision.approvalChain.length === 0) lines.push('  approval:      none needed');
    else decision.approvalChain.forEach((step, index) => lines.push(`  approval ${index + 1}:    ${step.description}`));
  }
  if (decision.sodConflicts.length === 0) lines.push('  SoD conflicts: none');
  for (const conflict of decision.sodConflicts) {
    lines.push(`  SoD conflict:  ${conflict.explanation}${conflict.blocking ? ' (blocks the grant)' : ''}`);
  }
  lines.push('  reasons:');
  for (const reason of decision.reasons) lines.push(`    - ${reason}`);
  return lines;
}
