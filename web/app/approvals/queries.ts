import 'server-only';
import { catalogEntries, type CatalogEntry } from '@/components/admin/catalog';
import { peopleByEmployeeNumber, peopleById, type PersonSummary } from '@/components/admin/directory';
import { entitlementId } from '@/components/admin/format';
import { isAdministrator } from '@/components/admin/roles';
import { ACCESS_REQUEST_FIELDS, type AccessRequest } from '@/components/approvals/access-request';
import { graphql } from '@/lib/graphql';
import type { Session } from '@/lib/session';

/** One request in the inbox, with what the approver weighs. */
export interface InboxEntry {
  request: AccessRequest;
  /** Why it is in this inbox: the approver is named on the open step, or only administrators can decide it. */
  waitingFor: 'me' | 'administrators';
  subject: PersonSummary | null;
  requester: PersonSummary | null;
  catalog: CatalogEntry | null;
}

interface InboxAnswer {
  me: { id: string; pendingApprovals: AccessRequest[] } | null;
  accessRequestsForAdministrators?: AccessRequest[];
}

/**
 * Requests whose open step waits for the signed-in person (Identity.pendingApprovals), and for
 * administrators also those only administrators can decide, oldest first, each with its risk context.
 */
export async function approvalInbox(session: Session): Promise<InboxEntry[]> {
  const answer = await graphql<InboxAnswer>(
    `query ApprovalInbox($employeeNumber: String!, $administrator: Boolean!) {
      me: identityByEmployeeNumber(employeeNumber: $employeeNumber) { id pendingApprovals { ${ACCESS_REQUEST_FIELDS} } }
      accessRequestsForAdministrators @include(if: $administrator) { ${ACCESS_REQUEST_FIELDS} }
    }`,
    { employeeNumber: session.employeeNumber, administrator: isAdministrator(session) },
  );
  const mine = answer.me?.pendingApprovals ?? [];
  const seen = new Set(mine.map((request) => request.id));
  const forAdministrators = (answer.accessRequestsForAdministrators ?? []).filter((request) => !seen.has(request.id));
  const queue = [
    ...mine.map((request) => ({ request, waitingFor: 'me' as const })),
    ...forAdministrators.map((request) => ({ request, waitingFor: 'administrators' as const })),
  ].sort((a, b) => a.request.requestedAt.localeCompare(b.request.requestedAt));
  if (queue.length === 0) return [];

  const requests = queue.map((entry) => entry.request);
  const [subjects, requesters, catalog] = await Promise.all([
    peopleById(requests.map((request) => request.identityId)),
    peopleByEmployeeNumber(requests.map((request) => request.requesterEmployeeNumber)),
    catalogEntries(requests),
  ]);

  return queue.map(({ request, waitingFor }) => ({
    request,
    waitingFor,
    subject: subjects.get(request.identityId) ?? null,
    requester: requesters.get(request.requesterEmployeeNumber) ?? null,
    catalog: catalog.get(entitlementId(request.applicationId, request.entitlementKey)) ?? null,
  }));
}
