import {
  automaticRemediation,
  driftIdOf,
  occurrenceOf,
  type AttributeDifference,
  type DriftFinding,
  type KnownDrift,
} from '../domain/reconciliation';
import type { DriftRemediation } from '../domain/application';
import type { DriftCandidate } from './drift-detection';

/** The drift id a candidate of this application will have. */
export function candidateDriftId(applicationId: string, candidate: DriftCandidate): string {
  return driftIdOf({ applicationId, kind: candidate.kind, userName: candidate.userName, entitlementKey: candidate.entitlementKey });
}

/** A candidate named, placed in its occurrence and decided with the application's remediation setting. */
export function toFinding(
  applicationId: string,
  candidate: DriftCandidate,
  known: KnownDrift | null,
  remediation: DriftRemediation,
): DriftFinding {
  const { occurrence, firstSeen } = occurrenceOf(known);
  const facts = {
    applicationId,
    kind: candidate.kind,
    userName: candidate.userName,
    entitlementKey: candidate.entitlementKey,
    identityId: candidate.identityId,
    employeeNumber: candidate.employeeNumber,
    identityStatus: candidate.identityStatus,
    accountEnabled: candidate.accountEnabled,
    assignmentId: candidate.assignmentId,
  };
  return {
    ...facts,
    driftId: candidateDriftId(applicationId, candidate),
    occurrence,
    firstSeen,
    reason: reasonFor(candidate),
    differences: candidate.kind === 'attribute-drift' ? attributeDifferences(candidate) : [],
    remediation: automaticRemediation(remediation, facts, known),
  };
}

function reasonFor(candidate: DriftCandidate): string {
  switch (candidate.reasonCode) {
    case 'no-identity':
      return candidate.kind === 'orphaned-account'
        ? `no identity has the user name${candidate.targetEmployeeNumber ? ` or the employee number (${candidate.targetEmployeeNumber})` : ''} of this account`
        : 'granted to an account no identity matches';
    case 'identity-terminated':
      return `employee ${candidate.employeeNumber ?? '?'} was terminated and the account is still enabled`;
    case 'no-assignment':
      return `employee ${candidate.employeeNumber ?? '?'} holds it without an active assignment`;
    case 'no-account':
      return 'an active assignment asks for it, and the identity has no account in the target';
    case 'not-granted':
      return 'an active assignment asks for it, and the account does not hold it';
    case 'attributes-differ':
      return 'the account’s attributes differ from the identity’s (HR is their source)';
  }
}

/** The same comparison as the detection's: display names exactly, emails ignoring case; unknown values are not compared. */
export function attributeDifferences(candidate: DriftCandidate): AttributeDifference[] {
  const differences: AttributeDifference[] = [];
  const { targetDisplayName, targetEmail, identityDisplayName, identityEmail } = candidate;
  if (targetDisplayName !== null && identityDisplayName !== null && targetDisplayName !== identityDisplayName) {
    differences.push({ attribute: 'displayName', expected: identityDisplayName, actual: targetDisplayName });
  }
  if (targetEmail !== null && identityEmail !== null && targetEmail.toLowerCase() !== identityEmail.toLowerCase()) {
    differences.push({ attribute: 'email', expected: identityEmail, actual: targetEmail });
  }
  return differences;
}
