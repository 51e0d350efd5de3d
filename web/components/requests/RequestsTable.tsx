import Link from 'next/link';
import { DataTable, type PagePaging } from '@/components/ui/DataTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { StatusBadge } from '@/components/ui/StatusBadge';
import type { AccessRequestRow, RequestAssignment } from '@/lib/data/my-requests';
import { formatDateTime, formatHours } from '@/lib/format';
import { partyName, type Names } from '@/lib/requests/request-view';
import { RequestDetails } from './RequestDetails';

export interface RequestsTableProps {
  requests: AccessRequestRow[];
  assignments: ReadonlyMap<string, RequestAssignment>;
  names: Names;
  paging: PagePaging;
  openRequestId: string | undefined;
}

export function RequestsTable({ requests, assignments, names, paging, openRequestId }: RequestsTableProps) {
  return (
    <DataTable
      caption="Your access requests"
      rows={requests}
      rowKey={(request) => request.id}
      paging={paging}
      empty={<EmptyState title="You have no access requests yet." action={<Link href="/request">Request access</Link>} />}
      columns={[
        { header: 'Requested', cell: (request) => formatDateTime(request.requestedAt) },
        {
          header: 'Access',
          cell: (request) => (
            <>
              <strong>{request.applicationId}</strong>
              <br />
              <code>{request.entitlementKey}</code>
              {request.breakGlass ? <div className="badge badge--danger">Break-glass</div> : null}
            </>
          ),
        },
        {
          header: 'Status',
          cell: (request) => (
            <>
              <StatusBadge status={request.status} />
              {request.denial ? (
                <div className="muted">
                  by {partyName(request.denial.by, names)}
                  {request.denial.comment ? `: “${request.denial.comment}”` : ''}
                </div>
              ) : null}
            </>
          ),
        },
        {
          header: 'Duration',
          cell: (request) =>
            request.grantedDurationHours !== null ? formatHours(request.grantedDurationHours) : formatHours(request.requestedDurationHours),
        },
        { header: 'Request', cell: (request) => <code>{request.id}</code> },
      ]}
      rowDetails={(request) => (
        <RequestDetails
          request={request}
          assignment={request.assignmentId ? assignments.get(request.assignmentId) : undefined}
          names={names}
          open={request.id === openRequestId}
        />
      )}
    />
  );
}
