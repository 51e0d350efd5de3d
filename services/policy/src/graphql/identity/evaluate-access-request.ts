import { DomainError } from '@tenure/event-sourcing';
import type { RequestDecision } from '@tenure/policy-decisions';
import type { PolicyQueries } from '../../application/policy-queries';
import type { AccessRequestArgs } from './access-request.args';

/** How both evaluateAccessRequest fields (on Query and on Identity) describe themselves. */
export const EVALUATE_ACCESS_REQUEST =
  'Whether the entitlement can be requested for this identity, and on what terms: eligibility, approval chain, maximum duration, ' +
  'auto-approval and the separation-of-duties conflicts it would create, each with reasons. Evaluates only: nothing is requested.';

/** The request as the application evaluates it; the requester defaults to the person the access is for. */
export async function evaluateAccessRequestFor(
  queries: PolicyQueries,
  identityId: string,
  args: AccessRequestArgs,
): Promise<RequestDecision> {
  const requesterEmployeeNumber = args.requesterEmployeeNumber ?? (await queries.subject(identityId))?.employeeNumber;
  if (requesterEmployeeNumber === undefined) {
    throw new DomainError('not_found', `identity ${identityId} is not known to policy`, { field: 'identityId', identityId });
  }
  return queries.evaluateRequest({
    identityId,
    requesterEmployeeNumber,
    entitlement: { application: args.application, entitlement: args.entitlement },
    durationHours: args.durationHours ?? null,
    breakGlass: args.breakGlass,
  });
}
