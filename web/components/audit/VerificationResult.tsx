import { DataTable, EmptyState, StatusBadge, type DataTableColumn } from '@/components/ui';
import {
  checkedSummary,
  formatCount,
  formatSeconds,
  type EventLogCheckpoint,
  type EventLogFinding,
  type EventLogVerification,
} from './event-log-verification';

const FINDING_COLUMNS: DataTableColumn<EventLogFinding>[] = [
  { header: 'Kind', cell: (finding) => <StatusBadge status={finding.kind} tone="danger" /> },
  { header: 'Stream', cell: (finding) => <code>{finding.streamId}</code> },
  { header: 'Revision', cell: (finding) => finding.revision },
  { header: 'Event id', cell: (finding) => (finding.eventId ? <code>{finding.eventId}</code> : <span className="muted">none</span>) },
  { header: 'Detail', cell: (finding) => finding.detail },
];

/** One verification's answer: intact or not, what was checked, the checkpoint compared with, and the findings. */
export function VerificationResult({ verification }: { verification: EventLogVerification }) {
  const { findings, findingsOmitted } = verification;
  return (
    <div className="stack">
      {verification.intact ? (
        <p className="notice notice--success" role="status">
          The history is intact: {checkedSummary(verification)}.
        </p>
      ) : (
        <p className="notice notice--error" role="alert">
          The history is not intact: {checkedSummary(verification)}; {findings.length + findingsOmitted}{' '}
          {findings.length + findingsOmitted === 1 ? 'finding' : 'findings'}.
        </p>
      )}
      <dl className="definition-list">
        <dt>Events checked</dt>
        <dd>{formatCount(verification.events)}</dd>
        <dt>Streams checked</dt>
        <dd>{formatCount(verification.streams)}</dd>
        <dt>Took</dt>
        <dd>{formatSeconds(verification.seconds)}</dd>
      </dl>
      <CheckpointCompared checkpoint={verification.checkpoint} />
      <DataTable
        caption="Findings of the history verification"
        columns={FINDING_COLUMNS}
        rows={findings}
        rowKey={(finding) => `${finding.kind}:${finding.streamId}:${finding.revision}:${finding.eventId ?? ''}:${finding.position ?? ''}`}
        empty={<EmptyState title="No finding: every event matches its hash chain." />}
      />
      {findingsOmitted > 0 ? <p className="muted">{formatCount(findingsOmitted)} more not shown.</p> : null}
    </div>
  );
}

function CheckpointCompared({ checkpoint }: { checkpoint: EventLogCheckpoint | null }) {
  if (!checkpoint) {
    return (
      <p className="notice notice--info">
        There is no checkpoint yet, so stream heads were not compared with one. <code>npm run audit:verify -- --checkpoint</code> creates
        one.
      </p>
    );
  }
  return (
    <section aria-labelledby="verify-checkpoint">
      <h3 id="verify-checkpoint">Checkpoint compared with</h3>
      <dl className="definition-list">
        <dt>Checkpoint</dt>
        <dd>
          <code>{checkpoint.id}</code> ({checkpoint.source})
        </dd>
        <dt>Root</dt>
        <dd>
          <code>{checkpoint.root}</code>
        </dd>
        <dt>Streams in it</dt>
        <dd>{checkpoint.streams}</dd>
        <dt>Heads match</dt>
        <dd>
          <StatusBadge status={checkpoint.intact ? 'MATCH' : 'MISMATCH'} tone={checkpoint.intact ? 'success' : 'danger'} />
        </dd>
      </dl>
      {checkpoint.problems.length > 0 ? (
        <ul aria-label="Checkpoint problems">
          {checkpoint.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
