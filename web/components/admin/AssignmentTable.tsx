import { DataTable, EmptyState, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import type { Assignment } from '@/app/admin/identities/queries';
import layout from '@/components/admin/layout.module.css';

/** What a person holds and held: status, why (the evidence), validity, acknowledgements, and how it ended. */
export function AssignmentTable({ assignments, caption, emptyTitle }: { assignments: Assignment[]; caption: string; emptyTitle: string }) {
  const columns: DataTableColumn<Assignment>[] = [
    { header: 'Entitlement', cell: (a) => `${a.applicationId}:${a.entitlementKey}` },
    { header: 'Status', cell: (a) => <StatusBadge status={a.status} /> },
    {
      header: 'Why',
      cell: (a) => (
        <span>
          {humanize(a.source.kind)}{' '}
          <span className="muted">
            ({a.source.reference}
            {a.source.policyVersion ? `, policy v${a.source.policyVersion}` : ''})
          </span>
        </span>
      ),
    },
    {
      header: 'Held',
      cell: (a) => (
        <div className={layout.lines}>
          <span>added {formatDateTime(a.addedAt)}</span>
          <span className="muted">in the target {a.acknowledgedAt ? formatDateTime(a.acknowledgedAt) : 'not yet'}</span>
          <span className="muted">
            {a.validUntil ? `until ${formatDateTime(a.validUntil)}` : a.durationMs ? 'for a duration, from acknowledgement' : 'no end'}
          </span>
        </div>
      ),
    },
    {
      header: 'Ended',
      cell: (a) =>
        a.revokedAt ? (
          <div className={layout.lines}>
            <span>
              {humanize(a.revocationReason ?? 'revoked')} {formatDateTime(a.revokedAt)}
            </span>
            <span className="muted">
              removed from the target {a.revocationAcknowledgedAt ? formatDateTime(a.revocationAcknowledgedAt) : 'not yet'}
            </span>
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={assignments}
      rowKey={(a) => a.id}
      rowDetails={(a) =>
        a.provisioningFailure ? (
          <span className="field__error">
            {a.provisioningFailure.action} failed ({a.provisioningFailure.errorKind}) on {formatDateTime(a.provisioningFailure.failedAt)}:{' '}
            {a.provisioningFailure.message}
          </span>
        ) : null
      }
      empty={<EmptyState title={emptyTitle} />}
    />
  );
}
