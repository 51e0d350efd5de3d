import { formatDateTime, humanize } from '@/lib/format';
import styles from './history.module.css';
import type { TrailCause, TrailEntry } from './queries';
import { actorText } from './trail-question';

/** The trail, newest first: what happened, who did it and why, and the chain of causes that led to it. */
export function AuditTrailList({ entries }: { entries: TrailEntry[] }) {
  return (
    <ol className="timeline" aria-label="Audit trail">
      {entries.map((entry) => (
        <li key={entry.eventId} className={styles.entry}>
          <div>
            <strong>{entry.summary}</strong>
            <span className={`badge badge--neutral ${styles.context}`}>{humanize(entry.context)}</span>
          </div>
          <div className="muted">
            {formatDateTime(entry.occurredAt)} · by {actorText(entry.actor)} · {entry.type}
            {entry.policyVersion !== null ? ` · policy version ${entry.policyVersion}` : ''}
          </div>
          {entry.reason ? <div>Reason: {entry.reason}</div> : null}
          <CauseChain entry={entry} />
          <details className={styles.details}>
            <summary>Record</summary>
            <dl>
              <dt>Event id</dt>
              <dd>{entry.eventId}</dd>
              <dt>Recorded</dt>
              <dd>{formatDateTime(entry.recordedAt)}</dd>
              <dt>Stream</dt>
              <dd>{entry.streamId}</dd>
              <dt>Correlation id</dt>
              <dd>{entry.correlationId}</dd>
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}

/** "Revoked … ← Review decision: revoke by Priya Raman ← Moved: … by HR feed nightly-csv", the direct cause first. */
function CauseChain({ entry }: { entry: TrailEntry }) {
  if (entry.causedBy.length === 0 && !entry.unresolvedCauseId) return null;
  return (
    <ol className={styles.chain} aria-label={`Cause chain of ${entry.type}`}>
      <li>{entry.type}</li>
      {entry.causedBy.map((cause) => (
        <li key={cause.eventId} title={`${cause.type}, ${formatDateTime(cause.occurredAt)}`}>
          <Arrow />
          {causeText(cause)}
        </li>
      ))}
      {entry.unresolvedCauseId ? (
        <li className="muted">
          <Arrow />
          started by {entry.unresolvedCauseId} (outside the event log)
        </li>
      ) : null}
      {entry.causeChainTruncated ? (
        <li className="muted">
          <Arrow />… earlier causes not shown
        </li>
      ) : null}
    </ol>
  );
}

/** "caused by", drawn as an arrow in the text itself (so it is copied with it); the list's name says what it is. */
function Arrow() {
  return <span aria-hidden="true">← </span>;
}

function causeText(cause: TrailCause): string {
  return `${cause.summary} by ${actorText(cause.actor)} (${humanize(cause.context).toLowerCase()})`;
}
