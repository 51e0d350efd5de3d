import type { HeldAtTime, HeldRequest } from '@/app/audit/queries';
import layout from '@/components/admin/layout.module.css';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { DataTable, type DataTableColumn } from '@/components/ui';
import { humanize } from '@/lib/format';
import type { ReactNode } from 'react';
import { SourceText } from './RecordTables';
import { formatInstant } from './time-question';

/**
 * What was held at an instant (holdersAt or accessAt), one row per holding: who or what, since when, why —
 * the birthright rules or the requests with their justification and every approval — and how it ended.
 */
export function HeldTable({
  caption,
  rows,
  show,
  empty,
  names = new Map(),
}: {
  caption: string;
  rows: HeldAtTime[];
  /** Display names by employee number, for the requesters and approvers; a number with none is shown alone. */
  names?: ReadonlyMap<string, string>;
  /** The holder for an entitlement's holders, the entitlement for a person's access. */
  show: 'holder' | 'entitlement';
  empty: ReactNode;
}) {
  const first: DataTableColumn<HeldAtTime> =
    show === 'holder'
      ? {
          header: 'Holder',
          cell: (held) => (
            <PersonLabel
              employeeNumber={held.identity.employeeNumber ?? held.employeeNumber ?? held.identityId}
              displayName={held.identity.displayName}
              identityId={held.identityId}
            />
          ),
        }
      : { header: 'Entitlement', cell: (held) => `${held.applicationId}:${held.entitlementKey}` };
  const columns: DataTableColumn<HeldAtTime>[] = [
    first,
    { header: 'Since', cell: (held) => formatInstant(held.since) },
    {
      header: 'Why',
      cell: (held) => (
        <div className={layout.lines}>
          <SourceText source={held.source} />
          {held.requests.map((request) => (
            <RequestTrail key={request.id} request={request} names={names} />
          ))}
        </div>
      ),
    },
    { header: 'Record', cell: (held) => <HeldTimes held={held} /> },
  ];
  return <DataTable caption={caption} showCaption columns={columns} rows={rows} rowKey={(held) => held.assignmentId} empty={empty} />;
}

/** A granting or extension request: who asked, why, and each step's approvals with their comments and times. */
function RequestTrail({ request, names }: { request: HeldRequest; names: ReadonlyMap<string, string> }) {
  return (
    <div className={layout.lines}>
      <span className="muted">
        {request.extendsAssignmentId ? 'Extension' : 'Request'} {request.id} · asked by {personText(request.requesterEmployeeNumber, names)}{' '}
        · {formatInstant(request.requestedAt)}
        {request.breakGlass ? ' · break-glass' : ''}
      </span>
      <span>Justification: “{request.justification}”</span>
      {request.steps.length === 0 ? (
        <span className="muted">
          No approval step: {request.breakGlass ? 'break-glass, reviewed afterwards' : 'approved without people'}.
        </span>
      ) : (
        <ul className="plain-list" aria-label={`Approvals of request ${request.id}`}>
          {request.steps.map((step) => (
            <li key={step.index}>
              Step {step.index + 1}, {step.description}:{' '}
              {step.approvals.length === 0 ? <span className="muted">{humanize(step.status).toLowerCase()}</span> : null}
              {step.approvals.map((approval) => (
                <span key={`${approval.at}-${approval.by.employeeNumber ?? approval.by.kind}`}>
                  approved by{' '}
                  {approval.by.employeeNumber ? personText(approval.by.employeeNumber, names) : humanize(approval.by.kind).toLowerCase()} at{' '}
                  {formatInstant(approval.at)}
                  {approval.comment ? ` “${approval.comment}”` : ' (no comment)'}{' '}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** When the holding was decided, reached the application, and ended or will end (as known now). */
function HeldTimes({ held }: { held: HeldAtTime }) {
  return (
    <div className={layout.lines}>
      <span>granted {formatInstant(held.addedAt)}</span>
      <span className="muted">
        {held.activeFrom ? `in the application ${formatInstant(held.activeFrom)}` : 'never acknowledged by the application'}
      </span>
      {held.revokedAt ? (
        <span>
          revoked {formatInstant(held.revokedAt)} ({humanize(held.revocationReason ?? 'revoked').toLowerCase()})
          {held.revocationAcknowledgedAt ? (
            <span className="muted">, removed from the application {formatInstant(held.revocationAcknowledgedAt)}</span>
          ) : null}
        </span>
      ) : held.validUntil ? (
        <span>until {formatInstant(held.validUntil)}</span>
      ) : (
        <span className="muted">no end</span>
      )}
    </div>
  );
}

/** "Claire Moreau (10037)", or the number alone when no name is known. */
function personText(employeeNumber: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(employeeNumber);
  return name ? `${name} (${employeeNumber})` : employeeNumber;
}
