import Link from 'next/link';
import { Countdown } from '@/components/ui/Countdown';
import { DataTable, type PagePaging } from '@/components/ui/DataTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { describeExpiry, describeSource, describeTarget } from '@/lib/access/access-view';
import type { AssignmentRow, MyAccess } from '@/lib/data/my-access';
import { formatDateTime, formatHours, humanize } from '@/lib/format';

export function AssignmentsTable({ access, rows, paging }: { access: MyAccess; rows: AssignmentRow[]; paging: PagePaging }) {
  const applicationName = (id: string) => access.applicationNames.get(id) ?? id;
  return (
    <DataTable
      caption="Your access"
      rows={rows}
      rowKey={(row) => row.id}
      paging={paging}
      empty={
        <EmptyState title="You hold no access yet." action={<Link href="/request">Request access</Link>}>
          Access given by your role arrives on its own; anything else you can request.
        </EmptyState>
      }
      columns={[
        {
          header: 'Access',
          cell: (row) => (
            <>
              <strong>{applicationName(row.applicationId)}</strong>
              <br />
              <code>{row.entitlementKey}</code>
            </>
          ),
        },
        {
          header: 'Why you have it',
          cell: (row) => {
            const source = describeSource(row, access.birthrightReasons);
            return (
              <>
                {source.href ? <Link href={source.href}>{source.label}</Link> : source.label}
                {source.detail ? <div className="muted">{source.detail}</div> : null}
              </>
            );
          },
        },
        {
          header: 'Status',
          cell: (row) => (
            <>
              <StatusBadge status={row.status} />
              {row.revocationReason ? <div className="muted">{humanize(row.revocationReason)}</div> : null}
            </>
          ),
        },
        { header: 'Expires', cell: (row) => <Expiry row={row} /> },
        {
          header: 'In the application',
          cell: (row) => {
            const target = describeTarget(row, access.grants, access.accounts, applicationName(row.applicationId));
            return (
              <>
                <StatusBadge status={target.tone} tone={target.tone} label={target.summary} />
                {target.account ? <div className="muted">{target.account}</div> : null}
              </>
            );
          },
        },
      ]}
    />
  );
}

function Expiry({ row }: { row: AssignmentRow }) {
  const expiry = describeExpiry(row);
  switch (expiry.kind) {
    case 'until':
      return <Countdown to={expiry.at} />;
    case 'after-grant':
      return <span>{formatHours(expiry.hours)} once granted</span>;
    case 'none':
      return <span className="muted">No end</span>;
    case 'ended':
      return <span className="muted">Ended {formatDateTime(expiry.at)}</span>;
  }
}
