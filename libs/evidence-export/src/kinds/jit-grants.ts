import type { EvidenceKind } from '../evidence-kind';

const QUERY = `query JustInTimeGrantEvidence($from: DateTimeISO!, $to: DateTimeISO!) {
  justInTimeGrants(from: $from, to: $to) {
    assignmentId employeeNumber applicationId entitlementKey source { kind reference }
    addedAt activeFrom validUntil revokedAt revocationReason revocationAcknowledgedAt
    requests { id requesterEmployeeNumber justification requestedDurationHours
      steps { index description approvals { by { kind employeeNumber } comment at } } }
  }
}`;

interface Grant {
  readonly assignmentId: string;
  readonly employeeNumber: string | null;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: { readonly kind: string; readonly reference: string };
  readonly addedAt: string;
  readonly activeFrom: string | null;
  readonly validUntil: string | null;
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
  readonly revocationAcknowledgedAt: string | null;
  readonly requests: readonly {
    readonly id: string;
    readonly requesterEmployeeNumber: string;
    readonly justification: string;
    readonly steps: readonly {
      readonly index: number;
      readonly approvals: readonly {
        readonly by: { readonly kind: string; readonly employeeNumber: string | null };
        readonly comment: string;
        readonly at: string;
      }[];
    }[];
  }[];
}

/** Every requested or break-glass grant since the beginning (or `--from`): who, what, why, approvers, start, expiry, actual revocation. */
export const jitGrants: EvidenceKind = {
  name: 'jit-grants',
  description:
    'Just-in-time grants: who got what, why (the justification), who approved each step and when, when it started, when it was due to end and when it was really revoked',
  columns: [
    'assignment_id',
    'employee_number',
    'application',
    'entitlement',
    'kind',
    'request_id',
    'requested_by',
    'justification',
    'approvals',
    'decided_at',
    'started_at',
    'valid_until',
    'revoked_at',
    'revocation_reason',
    'revocation_acknowledged_at',
    'extensions',
  ],
  async rows(gateway, period) {
    const { justInTimeGrants } = await gateway.query<{ justInTimeGrants: Grant[] }>(QUERY, {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    });
    return justInTimeGrants.map((grant) => {
      const [granting, ...extensions] = grant.requests;
      return {
        assignment_id: grant.assignmentId,
        employee_number: grant.employeeNumber,
        application: grant.applicationId,
        entitlement: grant.entitlementKey,
        kind: grant.source.kind.toLowerCase(),
        request_id: grant.source.reference,
        requested_by: granting?.requesterEmployeeNumber ?? null,
        justification: granting?.justification ?? null,
        approvals: granting ? approvalsOf(granting) : null,
        decided_at: grant.addedAt,
        started_at: grant.activeFrom,
        valid_until: grant.validUntil,
        revoked_at: grant.revokedAt,
        revocation_reason: grant.revocationReason,
        revocation_acknowledged_at: grant.revocationAcknowledgedAt,
        extensions: extensions.map((extension) => `${extension.id}: ${approvalsOf(extension)}`).join(' | ') || null,
      };
    });
  },
};

/** "step 1: 10037 at <time> “comment”; step 2: …", in step order. */
function approvalsOf(request: Grant['requests'][number]): string {
  return request.steps
    .flatMap((step) =>
      step.approvals.map(
        (approval) => `step ${step.index + 1}: ${approval.by.employeeNumber ?? approval.by.kind} at ${approval.at} “${approval.comment}”`,
      ),
    )
    .join('; ');
}
