import { Countdown, DataTable, EmptyState, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import type { MyCampaignShare, ReviewCampaign } from './review-types';
import layout from '@/components/admin/layout.module.css';

/** Every campaign with its progress (administrators and auditors). */
export function CampaignTable({ campaigns }: { campaigns: ReviewCampaign[] }) {
  const columns: DataTableColumn<ReviewCampaign>[] = [
    {
      header: 'Campaign',
      cell: (c) => (
        <div className={layout.lines}>
          <strong>{c.name}</strong>
          <span className="muted">
            {humanize(c.scopeKind)} {c.scopeTarget} · reviewer: {humanize(c.reviewerRule).toLowerCase()} · started by {c.startedBy}
          </span>
        </div>
      ),
    },
    { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
    { header: 'Progress', cell: (c) => <ProgressText progress={c.progress} /> },
    {
      header: 'Deadline',
      cell: (c) =>
        c.status === 'OPEN' ? (
          <span className={layout.lines}>
            <span>{formatDateTime(c.deadline)}</span>
            <Countdown to={c.deadline} expiredLabel="Past the deadline" />
            <span className="muted">then {c.defaultAction.toLowerCase()}</span>
          </span>
        ) : (
          <span>closed {formatDateTime(c.closedAt)}</span>
        ),
    },
  ];
  return (
    <DataTable
      caption="Review campaigns"
      columns={columns}
      rows={campaigns}
      rowKey={(c) => c.id}
      empty={<EmptyState title="No review campaign has been started yet." />}
    />
  );
}

function ProgressText({ progress }: { progress: ReviewCampaign['progress'] }) {
  const done = progress.total - progress.pending;
  return (
    <div className={layout.lines}>
      <progress value={done} max={Math.max(progress.total, 1)} aria-label={`${done} of ${progress.total} items settled`} />
      <span>
        {done} of {progress.total} settled
      </span>
      <span className="muted">
        {progress.kept} kept · {progress.revoked} revoked · {progress.defaulted} defaulted · {progress.withdrawn} withdrawn
      </span>
    </div>
  );
}

/** The caller's own items per campaign (all a reviewer may read about a campaign). */
export function MyShareList({ shares }: { shares: MyCampaignShare[] }) {
  if (shares.length === 0) return null;
  return (
    <ul className="plain-list stack">
      {shares.map((share) => (
        <li key={share.campaignId}>
          Campaign <code>{share.campaignId}</code>: {share.total - share.pending} of your {share.total} item(s) settled
          <span className="muted">
            {' '}
            ({share.kept} kept, {share.revoked} revoked
            {share.closedOtherwise > 0 ? `, ${share.closedOtherwise} defaulted or withdrawn` : ''}; {share.pending} waiting)
          </span>
        </li>
      ))}
    </ul>
  );
}
