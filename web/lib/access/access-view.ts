import type { AccountRow, AssignmentRow, BirthrightReasonRow, GrantRow } from '../data/my-access';

/** Why the person holds an assignment, in words, with a link to follow when there is one. */
export interface SourceView {
  label: string;
  detail?: string;
  href?: string;
}

/** What the target system shows for an assignment, as the connector's records say. */
export interface TargetView {
  tone: 'success' | 'pending' | 'danger' | 'neutral';
  summary: string;
  account?: string;
}

export type ExpiryView =
  { kind: 'until'; at: string } | { kind: 'after-grant'; hours: number } | { kind: 'none' } | { kind: 'ended'; at: string | null };

export function describeSource(assignment: AssignmentRow, birthrightReasons: Map<string, BirthrightReasonRow[]>): SourceView {
  const { kind, reference, policyVersion } = assignment.source;
  const version = policyVersion === null ? undefined : `policy version ${policyVersion}`;
  switch (kind) {
    case 'BIRTHRIGHT': {
      const reasons = birthrightReasons.get(`${assignment.applicationId}:${assignment.entitlementKey}`) ?? [];
      const named = reasons.map((reason) => (reason.roleName ? `${reason.ruleName} (role ${reason.roleName})` : reason.ruleName));
      const label = named.length > 0 ? `Birthright: ${named.join('; ')}` : `Birthright rule ${reference.split(',').join(', ')}`;
      return { label, ...(version ? { detail: version } : {}) };
    }
    case 'REQUEST':
      return { label: 'Your request', detail: reference, href: `/requests?request=${encodeURIComponent(reference)}` };
    case 'BREAK_GLASS':
      return { label: 'Break-glass request', detail: reference, href: `/requests?request=${encodeURIComponent(reference)}` };
    case 'REVIEW':
      return { label: 'Kept by an access review', detail: reference };
    case 'EXCEPTION':
      return { label: 'Exception', detail: reference };
    case 'ADOPTED_DRIFT':
      return { label: 'Found in the application and adopted', detail: reference };
    default:
      return assertNever(kind);
  }
}

export function describeTarget(
  assignment: AssignmentRow,
  grants: readonly GrantRow[],
  accounts: readonly AccountRow[],
  applicationName: string,
): TargetView {
  const grant =
    grants.find((candidate) => candidate.assignmentId === assignment.id) ??
    grants.find(
      (candidate) => candidate.applicationId === assignment.applicationId && candidate.entitlementKey === assignment.entitlementKey,
    );
  const account = accounts.find((candidate) => candidate.applicationId === assignment.applicationId);
  const accountText = account ? `Account ${account.userName} (${account.status === 'ENABLED' ? 'enabled' : 'disabled'})` : undefined;
  const withAccount = (view: Omit<TargetView, 'account'>): TargetView => (accountText ? { ...view, account: accountText } : view);
  const failure = assignment.provisioningFailure;

  switch (assignment.status) {
    case 'ACTIVE':
      return withAccount(
        grant
          ? { tone: 'success', summary: `Granted in ${applicationName}` }
          : { tone: 'pending', summary: `Acknowledged; no grant recorded in ${applicationName}` },
      );
    case 'PENDING_PROVISIONING':
      return withAccount(
        failure
          ? { tone: 'danger', summary: `Not granted yet: ${failure.message} (${failure.errorKind})` }
          : { tone: 'pending', summary: `Waiting for ${applicationName} to grant it` },
      );
    case 'REVOKING':
      return withAccount(
        failure
          ? { tone: 'danger', summary: `Removal failed: ${failure.message} (${failure.errorKind})` }
          : { tone: 'pending', summary: `Being removed from ${applicationName}` },
      );
    case 'REVOKED':
      return withAccount(
        grant
          ? { tone: 'danger', summary: `Revoked, but ${applicationName} still lists the grant` }
          : { tone: 'neutral', summary: `Removed from ${applicationName}` },
      );
    default:
      return assertNever(assignment.status);
  }
}

export function describeExpiry(assignment: AssignmentRow): ExpiryView {
  if (assignment.status === 'REVOKED' || assignment.status === 'REVOKING') return { kind: 'ended', at: assignment.revokedAt };
  if (assignment.validUntil) return { kind: 'until', at: assignment.validUntil };
  if (assignment.durationMs !== null) return { kind: 'after-grant', hours: assignment.durationMs / 3_600_000 };
  return { kind: 'none' };
}

/** Current access first (soonest to expire first, then by application and entitlement), ended access last. */
export function sortAssignments(assignments: readonly AssignmentRow[]): AssignmentRow[] {
  const rank = (assignment: AssignmentRow) => (assignment.status === 'REVOKED' ? 2 : assignment.status === 'REVOKING' ? 1 : 0);
  return [...assignments].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.validUntil ?? '\uffff').localeCompare(b.validUntil ?? '\uffff') ||
      a.applicationId.localeCompare(b.applicationId) ||
      a.entitlementKey.localeCompare(b.entitlementKey),
  );
}

/** Accounts in applications where the person holds no current assignment (e.g. left enabled by hand). */
export function accountsWithoutAssignments(accounts: readonly AccountRow[], assignments: readonly AssignmentRow[]): AccountRow[] {
  const held = new Set(assignments.filter((assignment) => assignment.status !== 'REVOKED').map((assignment) => assignment.applicationId));
  return accounts.filter((account) => !held.has(account.applicationId));
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value ${String(value)}`);
}
