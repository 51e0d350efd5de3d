import { DomainError } from '@tenure/event-sourcing';
import { validatePolicySet, type PolicyProblem, type PolicySet } from '@tenure/policy-decisions';

/** How many problems a refusal's message names; `details.problems` always lists them all. */
const PROBLEMS_IN_MESSAGE = 3;

/** A refusal naming the first problems (rule and field) in its message and listing every one in `details.problems`. */
export function invalidPolicy(what: string, problems: readonly PolicyProblem[]): DomainError {
  const named = problems.slice(0, PROBLEMS_IN_MESSAGE).map((problem) => problem.message);
  const more = problems.length > PROBLEMS_IN_MESSAGE ? ` (and ${problems.length - PROBLEMS_IN_MESSAGE} more)` : '';
  return new DomainError('validation', `${what}: ${named.join('; ')}${more}`, { problems });
}

/**
 * The draft after an edit must be a valid policy on its own: ids unique per kind, every role, SoD
 * rule and approver group it refers to present (so removing a role a rule still uses is refused).
 */
export function assertValidDraft(draft: PolicySet, edit: string): void {
  const result = validatePolicySet(draft);
  if (!result.ok) throw invalidPolicy(`${edit} would leave an invalid draft`, result.problems);
}
