import { Countdown } from '@/components/ui/Countdown';
import type { AccessRequestRow, RequestAssignment } from '@/lib/data/my-requests';
import { canCancel, canExtend, type Names } from '@/lib/requests/request-view';
import { CancelRequestForm } from './CancelRequestForm';
import { ExtendAccessForm } from './ExtendAccessForm';
import { RequestHistory } from './RequestHistory';

/** Everything under one request: its history, when the access ends, and what can still be done. */
export function RequestDetails({
  request,
  assignment,
  names,
  open,
}: {
  request: AccessRequestRow;
  assignment: RequestAssignment | undefined;
  names: Names;
  open: boolean;
}) {
  const cancellable = canCancel(request, assignment);
  const extendable = canExtend(request, assignment);
  return (
    <details open={open} id={`request-${request.id}`}>
      <summary>History and actions</summary>
      <div className="stack">
        {assignment?.validUntil && assignment.status === 'ACTIVE' ? (
          <p>
            Access ends: <Countdown to={assignment.validUntil} />
          </p>
        ) : null}
        <RequestHistory request={request} names={names} />
        {extendable ? (
          <section aria-label={`Extend the access of request ${request.id}`}>
            <h3>Ask for more time</h3>
            <ExtendAccessForm
              assignmentId={assignment.id}
              defaultHours={request.grantedDurationHours ?? request.requestedDurationHours ?? 8}
            />
          </section>
        ) : null}
        {cancellable ? (
          <section aria-label={`Cancel request ${request.id}`}>
            <h3>{request.status === 'GRANTED' ? 'Give the access back' : 'Cancel'}</h3>
            <CancelRequestForm requestId={request.id} granted={request.status === 'GRANTED'} />
          </section>
        ) : null}
      </div>
    </details>
  );
}
