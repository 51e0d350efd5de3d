import type { EvidenceKind, EvidenceRow } from '../evidence-kind';

const QUERY = `query SodEvidence {
  sodViolations { employeeNumber detectedAt policyVersion
    violation { ruleId ruleName severity action blocking explanation exception { id } } }
  sodExceptions(includeInactive: true) { id ruleId identityId approvedBy reason validUntil status }
}`;

interface Answer {
  readonly sodViolations: readonly {
    readonly employeeNumber: string;
    readonly detectedAt: string;
    readonly policyVersion: number;
    readonly violation: {
      readonly ruleId: string;
      readonly ruleName: string;
      readonly severity: string;
      readonly action: string;
      readonly blocking: boolean;
      readonly explanation: string;
      readonly exception: { readonly id: string } | null;
    };
  }[];
  readonly sodExceptions: readonly {
    readonly id: string;
    readonly ruleId: string;
    readonly identityId: string;
    readonly approvedBy: string;
    readonly reason: string;
    readonly validUntil: string;
    readonly status: string;
  }[];
}

/** Open separation-of-duties violations and every exception granted (active or not), one table with a `record` column. */
export const sod: EvidenceKind = {
  name: 'sod',
  description: 'Separation-of-duties violations found by detective SoD, and every exception granted, with who approved it and why',
  columns: [
    'record',
    'rule_id',
    'rule_name',
    'employee_number',
    'identity_id',
    'severity',
    'action',
    'explanation',
    'exception_id',
    'detected_at',
    'policy_version',
    'approved_by',
    'reason',
    'valid_until',
    'status',
  ],
  async rows(gateway) {
    const answer = await gateway.query<Answer>(QUERY);
    const violations = answer.sodViolations.map((found): EvidenceRow => ({
      record: 'violation',
      rule_id: found.violation.ruleId,
      rule_name: found.violation.ruleName,
      employee_number: found.employeeNumber,
      identity_id: null,
      severity: found.violation.severity,
      action: found.violation.action,
      explanation: found.violation.explanation,
      exception_id: found.violation.exception?.id ?? null,
      detected_at: found.detectedAt,
      policy_version: found.policyVersion,
      approved_by: null,
      reason: null,
      valid_until: null,
      status: found.violation.exception ? 'excepted' : 'open',
    }));
    const exceptions = answer.sodExceptions.map((exception): EvidenceRow => ({
      record: 'exception',
      rule_id: exception.ruleId,
      rule_name: null,
      employee_number: null,
      identity_id: exception.identityId,
      severity: null,
      action: null,
      explanation: null,
      exception_id: exception.id,
      detected_at: null,
      policy_version: null,
      approved_by: exception.approvedBy,
      reason: exception.reason,
      valid_until: exception.validUntil,
      status: exception.status,
    }));
    return [...violations, ...exceptions];
  },
};
