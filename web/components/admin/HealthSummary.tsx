import { StatusBadge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { ApplicationHealth } from '@/app/admin/applications/queries';
import layout from '@/components/admin/layout.module.css';

const CIRCUIT_TONES = { CLOSED: 'success', HALF_OPEN: 'pending', OPEN: 'danger' } as const;

/** An application's connector health in a few words: circuit, queue, dead letters, tasks, last error. */
export function HealthSummary({ health, enabled }: { health: ApplicationHealth; enabled: boolean }) {
  return (
    <div className={layout.lines}>
      <span className="button-row">
        {!enabled ? <StatusBadge status="PAUSED" label="Paused" tone="pending" /> : null}
        <StatusBadge
          status={health.circuit}
          label={`Circuit ${health.circuit.toLowerCase().replace('_', '-')}`}
          tone={CIRCUIT_TONES[health.circuit as keyof typeof CIRCUIT_TONES] ?? 'info'}
        />
        {health.deadLetters > 0 ? <StatusBadge status="DEAD" label={`${health.deadLetters} dead letter(s)`} /> : null}
        {health.openTasks > 0 ? <StatusBadge status="OPEN" label={`${health.openTasks} manual task(s)`} /> : null}
      </span>
      <span className="muted">
        {health.waiting} waiting · last success {formatDateTime(health.lastSuccessAt)}
      </span>
      {health.lastError ? (
        <span className="muted">
          Last error {formatDateTime(health.lastError.at)}: {health.lastError.kind} — {health.lastError.message}
        </span>
      ) : null}
    </div>
  );
}
