import { DataTable, EmptyState, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, formatHours, humanize } from '@/lib/format';
import type { AssignmentRecord, AuditRequest } from '@/app/audit/queries';
import layout from '@/components/admin/layout.module.css';

/** Why an assignment was held, as the record names its evidence. */
export function SourceText({ source }: { source: AssignmentRecord['source'] }) {
  const what =
    source.kind === 'BIRTHRIGHT'
      ? `birthright rule(s) ${source.reference}`
      : source.kind === 'REQUEST' || source.kind === 'BREAK_GLASS'
        ? `${humanize(source.kind).toLowerCase()} ${source.reference}`
        : `${humanize(source.kind).toLowerCase()} (${source.reference})`;
  return (
    <span>
      {what}
      {source.policyVersion ? <span className="muted"> · policy v{source.policyVersion}</span> : null}
    </span>
  );
}

/** The life of an assignment record: added, in effect, in the target, revoked, removed from the target. */
export function RecordTimes({ record }: { record: AssignmentRecord }) {
  return (
    <div className={layout.lines}>
      <span>
        added {formatDateTime(record.addedAt)}
        {record.validFrom !== record.addedAt ? `, valid from ${formatDateTime(record.validFrom)}` : ''}
      </span>
      <span className="muted">in the target {record.acknowledgedAt ? formatDateTime(record.acknowledgedAt) : 'never acknowledged'}</span>
      {record.revokedAt ? (
        <span>
          revoked {formatDateTime(record.revokedAt)} ({humanize(record.revocationReason ?? 'revoked').toLowerCase()})
          {record.revocationAcknowledgedAt ? (
            <span className="muted">, removed from the target {formatDateTime(record.revocationAcknowledgedAt)}</span>
          ) : null}
        </span>
      ) : record.validUntil ? (
        <span>until {formatDateTime(record.validUntil)}</span>
      ) : (
        <span className="muted">no end</span>
      )}
    </div>
  );
}

/** Requests with their decision trail: who asked, who approved with what comment, how it ended. */
export function RequestTable<T extends AuditRequest>({
  requests,
  caption,
  subject,
}: {
  requests: T[];
  caption: string;
  subject?: (request: T) => string;
}) {
  const columns: DataTableColumn<T>[] = [
    ...(subject ? [{ header: 'For', cell: (request: T) => subject(request) }] : []),
    {
      header: 'Request',
      cell: (request) => (
        <div className={layout.lines}>
          <strong>
            {request.applicationId}:{request.entitlementKey}
          </strong>
          <span className="muted">
            {request.id} · asked by {request.requesterEmployeeNumber} · {formatDateTime(request.requestedAt)}
            {request.breakGlass ? ' · break-glass' : ''}
          </span>
          <span>“{request.justification}”</span>
        </div>
      ),
    },
    {
      header: 'Outcome',
      cell: (request) => (
        <div className={layout.lines}>
          <StatusBadge status={request.status} />
          {request.grantedAt ? (
            <span className="muted">
              granted {formatDateTime(request.grantedAt)} for {formatHours(request.grantedDurationHours)}
            </span>
          ) : null}
          {request.cancellation ? <span className="muted">{request.cancellation}</span> : null}
          {request.failureReason ? <span className="muted">{request.failureReason}</span> : null}
        </div>
      ),
    },
    {
      header: 'Approvals',
      cell: (request) =>
        request.steps.length === 0 ? (
          <span className="muted">{request.status === 'REFUSED' ? 'none: refused by policy' : 'none needed'}</span>
        ) : (
          <ul className="plain-list">
            {request.steps.map((step) => (
              <li key={step.index}>
                {step.description}: {humanize(step.status).toLowerCase()}
                {step.approvals.map((approval) => (
                  <span key={`${approval.at}-${approval.by.employeeNumber ?? approval.by.kind}`} className="muted">
                    {' '}
                    — {approval.by.employeeNumber ?? approval.by.kind.toLowerCase()} {formatDateTime(approval.at)}
                    {approval.comment ? ` “${approval.comment}”` : ''}
                  </span>
                ))}
                {request.denial?.stepIndex === step.index ? (
                  <span className="muted">
                    {' '}
                    — by {request.denial.by.employeeNumber ?? request.denial.by.kind.toLowerCase()}
                    {request.decidedAt ? ` ${formatDateTime(request.decidedAt)}` : ''}
                    {request.denial.comment ? ` “${request.denial.comment}”` : ''}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      showCaption
      columns={columns}
      rows={requests}
      rowKey={(request) => request.id}
      empty={<EmptyState title="No request." />}
    />
  );
}
