import { isErased } from '@tenure/contracts';
import type { AttemptFailure, OperationRequest, OperationSuccessType } from '../domain/operation';
import { activeAssignments, assignmentById, identityById } from '../read-model/desired-state/desired-state.queries';
import type { ConnectorIdentityRow } from '../read-model/desired-state/desired-state.tables';
import type { Queryable } from '../read-model/queryable';
import type { PreparedOperation } from './prepared-operation';

export type Preparation =
  | { readonly kind: 'ready'; readonly operation: PreparedOperation }
  /** The work no longer applies (the assignment was revoked, the person left before it ran): dismissed with this reason. */
  | { readonly kind: 'superseded'; readonly reason: string }
  /** Something it needs is not known yet: an attempt that failed, retried later. */
  | { readonly kind: 'not-ready'; readonly failure: AttemptFailure };

/** The error kind of an operation for a person the connector service does not know (yet). */
export const IDENTITY_UNKNOWN = 'identity-unknown';

/** The error kind of an operation for a person whose personal data was erased: a dead letter at once. */
export const IDENTITY_ERASED = 'personal-data-erased';

const ADDS_ACCESS: ReadonlySet<OperationRequest['action']> = new Set(['grant', 'create-account', 'enable-account']);

/** Looks up who the operation is for and what else they hold in the application, just before it runs. */
export async function prepareOperation(
  db: Queryable,
  request: OperationRequest,
  succeeded: readonly OperationSuccessType[],
): Promise<Preparation> {
  const identity = await identityById(db, request.identityId);
  if (!identity && (request.userName === undefined || ADDS_ACCESS.has(request.action) || request.action === 'update-account')) {
    return notReady(IDENTITY_UNKNOWN, `the connector service does not know identity "${request.identityId}" yet`);
  }
  if ((request.action === 'grant' || request.action === 'revoke') && request.entitlementKey === null) {
    return {
      kind: 'not-ready',
      failure: { kind: 'invalid', message: `a ${request.action} needs an entitlement key`, retryable: false, retryAfterMs: null },
    };
  }
  if (ADDS_ACCESS.has(request.action)) {
    if (identity?.status === 'terminated') return { kind: 'superseded', reason: 'the identity was terminated before the operation ran' };
    if (request.action === 'grant' && request.assignmentId !== null) {
      const assignment = await assignmentById(db, request.assignmentId);
      if (assignment?.status === 'revoked') return { kind: 'superseded', reason: 'the assignment was revoked before the grant ran' };
    }
  }
  const employeeNumber = identity?.employee_number ?? request.employeeNumber ?? null;
  if (employeeNumber !== null && accountNameErased(request, identity, employeeNumber)) {
    // The account's name is gone with the person's data: any name sent now ("[erased]",
    // "erased-8202") would be the wrong account, or would create one under a placeholder.
    return {
      kind: 'not-ready',
      failure: {
        kind: IDENTITY_ERASED,
        message:
          `the personal data of employee ${employeeNumber} was erased: Tenure no longer knows the account's name or email, ` +
          `so it cannot ${request.action} it in the target; do it in the application by hand, then dismiss this operation`,
        retryable: false,
        retryAfterMs: null,
      },
    };
  }
  const disableAccount =
    request.action === 'revoke' &&
    (await activeAssignments(db, request.identityId, request.applicationId)).every(
      (assignment) => assignment.assignment_id === request.assignmentId,
    );
  const userName = request.userName ?? identity!.user_name;
  return {
    kind: 'ready',
    operation: {
      request,
      succeeded,
      identityStatus: identity?.status ?? null,
      disableAccount,
      account: {
        userName,
        givenName: identity?.given_name ?? '',
        familyName: identity?.family_name ?? '',
        displayName: identity ? `${identity.given_name} ${identity.family_name}`.trim() : userName,
        email: identity?.email ?? '',
        identityId: request.identityId,
        employeeNumber: employeeNumber ?? '',
      },
    },
  };
}

/**
 * True when the person's erasure took the account's name away. Without a name in the request it
 * comes from the email, which reads erased. A drift remediation names the account itself: its
 * request's user name, sealed under the person's key, now reads `[erased]`; or it was decided after
 * the erasure on the drift read model, which shows `erased-<employee number>`.
 */
function accountNameErased(request: OperationRequest, identity: ConnectorIdentityRow | null, employeeNumber: string): boolean {
  if (request.userName === undefined) return identity !== null && isErased(identity.email);
  return isErased(request.userName) || request.userName === `erased-${employeeNumber}`;
}

function notReady(kind: string, message: string): Preparation {
  return { kind: 'not-ready', failure: { kind, message, retryable: true, retryAfterMs: null } };
}
