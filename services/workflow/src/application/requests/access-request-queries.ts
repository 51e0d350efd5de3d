import { DomainError } from '@tenure/event-sourcing';
import { isReader, type Caller } from '@tenure/service-runtime';
import type { Pool } from 'pg';
import type { KnownRequest } from '../../domain/requests';
import { accessRequestById, accessRequestsFor, pendingApprovalsOf, pendingForAdministrators } from '../../read-model/workflow-requests';
import { oversees, requireOversight } from '../oversight';
import { peerHolding, personByIdentityId, type PeerHolding } from './request-directory';

/**
 * What the subgraph reads about requests. A person reads their own and their reports' (directly or
 * not), and any request they requested or are an approver of; administrators read everything, and auditors read it all too.
 */
export class AccessRequestQueries {
  constructor(private readonly pool: Pool) {}

  async byId(caller: Caller, requestId: string): Promise<KnownRequest | null> {
    const request = await accessRequestById(this.pool, requestId);
    if (!request) return null;
    if (
      isReader(caller) ||
      (caller.kind === 'person' && isParty(caller.employeeNumber, request)) ||
      (await oversees(this.pool, caller, request.identityId))
    ) {
      return request;
    }
    throw new DomainError('forbidden', `access request ${requestId} is not yours to read`, { requestId });
  }

  /** The identity's requests, newest first. */
  async forIdentity(caller: Caller, identityId: string): Promise<KnownRequest[]> {
    await requireOversight(this.pool, caller, identityId, 'requests');
    return accessRequestsFor(this.pool, identityId);
  }

  /** Requests waiting for this identity's approval (for administrators asking about themselves: none, see `forAdministrators`). */
  async pendingApprovalsOf(caller: Caller, identityId: string): Promise<KnownRequest[]> {
    await requireOversight(this.pool, caller, identityId, 'pending approvals');
    const person = await personByIdentityId(this.pool, identityId);
    return person ? pendingApprovalsOf(this.pool, person.employeeNumber) : [];
  }

  /** Risk context for a request the caller has already been allowed to read: how many of the subject's peers hold it. */
  peerHolding(identityId: string, applicationId: string, entitlementKey: string): Promise<PeerHolding | null> {
    return peerHolding(this.pool, identityId, applicationId, entitlementKey);
  }

  /** Requests with a step nobody but administrators can decide. */
  forAdministrators(caller: Caller): Promise<KnownRequest[]> {
    if (!isReader(caller)) throw new DomainError('forbidden', 'only administrators and auditors see the steps left to administrators');
    return pendingForAdministrators(this.pool);
  }
}

function isParty(employeeNumber: string, request: KnownRequest): boolean {
  return (
    request.requesterEmployeeNumber === employeeNumber ||
    request.subjectEmployeeNumber === employeeNumber ||
    request.steps.some(
      (step) =>
        step.approvers.includes(employeeNumber) ||
        step.approvals.some((a) => a.by.kind === 'person' && a.by.employeeNumber === employeeNumber),
    )
  );
}
