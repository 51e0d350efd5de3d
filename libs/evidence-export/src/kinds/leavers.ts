import type { EvidenceKind } from '../evidence-kind';

const QUERY = `query LeaverEvidence($first: Int!) {
  jmlRuns(first: $first, kind: LEAVER) {
    id identityId identity { employeeNumber displayName } triggerEventId triggerType startedAt completedAt durationMs
    expected acknowledged failed pending status
  }
}`;

interface LeaverRun {
  readonly id: string;
  readonly identityId: string;
  readonly identity: { readonly employeeNumber: string; readonly displayName: string } | null;
  readonly triggerEventId: string;
  readonly triggerType: string;
  readonly startedAt: string;
  readonly completedAt: string | null;
  readonly durationMs: number | null;
  readonly expected: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly pending: number;
  readonly status: string;
}

/** Every leaver run: when the termination arrived, when everything was revoked, how long it took. */
export const leavers: EvidenceKind = {
  name: 'leavers',
  description: 'Leavers: the termination, the revocations it caused, and the time to revoke everything',
  columns: [
    'run_id',
    'employee_number',
    'name',
    'termination_event',
    'termination_type',
    'terminated_at',
    'revoked_at',
    'time_to_revoke_ms',
    'revocations_expected',
    'revocations_acknowledged',
    'revocations_failed',
    'revocations_pending',
    'status',
  ],
  async rows(gateway) {
    const { jmlRuns } = await gateway.query<{ jmlRuns: LeaverRun[] }>(QUERY, { first: 1000 });
    return jmlRuns.map((run) => ({
      run_id: run.id,
      employee_number: run.identity?.employeeNumber ?? null,
      name: run.identity?.displayName ?? null,
      termination_event: run.triggerEventId,
      termination_type: run.triggerType,
      terminated_at: run.startedAt,
      revoked_at: run.completedAt,
      time_to_revoke_ms: run.durationMs,
      revocations_expected: run.expected,
      revocations_acknowledged: run.acknowledged,
      revocations_failed: run.failed,
      revocations_pending: run.pending,
      status: run.status,
    }));
  },
};
