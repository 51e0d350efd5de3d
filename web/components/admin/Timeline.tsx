import { formatDateTime, humanize } from '@/lib/format';
import type { TimelineEntry } from '@/app/admin/identities/queries';

/** An identity's recorded events, oldest first, with who caused each, through which input and what changed. */
export function IdentityTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.revision}>
          <div>
            <strong>{entry.summary}</strong>
            {entry.lifecycle && entry.lifecycle !== 'UPDATE' ? (
              <span className="muted"> · {humanize(entry.lifecycle).toLowerCase()}</span>
            ) : null}
          </div>
          <div className="muted">
            {formatDateTime(entry.occurredAt)}
            {entry.effectiveDate ? ` · effective ${entry.effectiveDate}` : ''} · by {entry.actor.kind} {entry.actor.id}
            {entry.source ? ` · via ${entry.source.kind} (${entry.source.reference})` : ''} · {entry.type} #{entry.revision}
          </div>
          {entry.reason ? <div>Reason: {entry.reason}</div> : null}
          {entry.changes.length > 0 ? (
            <ul>
              {entry.changes.map((change) => (
                <li key={change.attribute}>
                  {change.attribute}: {change.before ?? '—'} → {change.after ?? '—'}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
