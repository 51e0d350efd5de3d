import { StatusBadge } from '@/components/ui/StatusBadge';
import type { AccessRequestRow } from '@/lib/data/my-requests';
import { formatDateTime } from '@/lib/format';
import { approvalNeeded } from '@/lib/requests/approval-wording';
import { personName, requestHistory, type Names } from '@/lib/requests/request-view';

/** A request's approval steps (who, status, when it escalates) and its history with every decision and comment. */
export function RequestHistory({ request, names }: { request: AccessRequestRow; names: Names }) {
  const history = requestHistory(request, names);
  return (
    <div className="stack">
      {request.steps.length > 0 ? (
        <>
          <h3>Approval steps</h3>
          <ol aria-label={`Approval steps of request ${request.id}`}>
            {request.steps.map((step) => (
              <li key={step.index}>
                <strong>{approvalNeeded(step.kind, null, step.requiredApprovals)}</strong> <StatusBadge status={step.status} />
                <div className="muted">
                  {step.description}
                  {step.toAdministrators
                    ? ': administrators decide'
                    : step.approvers.length > 0
                      ? `: ${step.approvers.map((number) => personName(number, names)).join(', ')}`
                      : ''}
                  {step.status === 'OPEN' && step.escalatesAt ? `. Escalates ${formatDateTime(step.escalatesAt)}` : ''}
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>History</h3>
      <ol className="timeline" aria-label={`History of request ${request.id}`}>
        {history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at} className="muted">
              {formatDateTime(entry.at)}
            </time>
            <div>
              <strong>{entry.title}</strong>
            </div>
            {entry.details.map((detail) => (
              <div key={detail}>{detail}</div>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
