import { ADMINISTRATORS, personReviewer, type Reviewer, type ReviewerRule } from '../../domain/reviews';
import type { Queryable } from '../../read-model/queryable';
import type { HeldAssignment } from '../../read-model/workflow-reviews/held-in-scope';
import { entitlementOwnerOf } from './entitlement-owners';

/**
 * Each held assignment's reviewer under the rule: its identity's manager, or the entitlement's owner
 * (else its application's). Nobody reviews their own access and nobody who left reviews anything:
 * such items, and items nobody is named for, go to the subject's manager, else to the administrators
 * (straight to the administrators without `managerFallback`: a break-glass grant is the owners' to judge).
 */
export async function reviewersFor(
  db: Queryable,
  rule: ReviewerRule,
  held: readonly HeldAssignment[],
  options: { readonly managerFallback: boolean } = { managerFallback: true },
): Promise<Map<string, Reviewer>> {
  const named = new Map<string, string | null>();
  const owners = new Map<string, string | null>();
  for (const assignment of held) {
    if (rule === 'manager') {
      named.set(assignment.assignmentId, assignment.managerEmployeeNumber);
      continue;
    }
    const key = `${assignment.applicationId}/${assignment.entitlementKey}`;
    if (!owners.has(key)) owners.set(key, await entitlementOwnerOf(db, assignment.applicationId, assignment.entitlementKey));
    named.set(assignment.assignmentId, owners.get(key) ?? null);
  }
  const candidates = [...new Set([...named.values(), ...held.map((assignment) => assignment.managerEmployeeNumber)])].filter(
    (employeeNumber): employeeNumber is string => employeeNumber !== null,
  );
  const gone = await leftAmong(db, candidates);
  const fits = (candidate: string | null, subject: string): candidate is string =>
    candidate !== null && candidate !== subject && !gone.has(candidate);

  const reviewers = new Map<string, Reviewer>();
  for (const assignment of held) {
    const candidate = named.get(assignment.assignmentId) ?? null;
    const fallback = options.managerFallback ? assignment.managerEmployeeNumber : null;
    if (fits(candidate, assignment.employeeNumber)) reviewers.set(assignment.assignmentId, personReviewer(candidate));
    else if (fits(fallback, assignment.employeeNumber)) reviewers.set(assignment.assignmentId, personReviewer(fallback));
    else reviewers.set(assignment.assignmentId, ADMINISTRATORS);
  }
  return reviewers;
}

/** The employee numbers among these that belong to terminated identities. */
async function leftAmong(db: Queryable, employeeNumbers: readonly string[]): Promise<Set<string>> {
  if (employeeNumbers.length === 0) return new Set();
  const { rows } = await db.query<{ employee_number: string }>(
    `SELECT employee_number FROM workflow_identities WHERE employee_number = ANY ($1::text[]) AND status = 'terminated'`,
    [employeeNumbers],
  );
  return new Set(rows.map((row) => row.employee_number));
}
