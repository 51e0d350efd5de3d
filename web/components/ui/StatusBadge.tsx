import { humanize } from '../../lib/format';

export type StatusTone = 'success' | 'pending' | 'danger' | 'neutral' | 'info';

const TONES: Record<string, StatusTone> = {
  ACTIVE: 'success',
  GRANTED: 'success',
  APPROVED: 'success',
  COMPLETED: 'success',
  ENABLED: 'success',
  KEEP: 'success',
  PENDING: 'pending',
  PENDING_PROVISIONING: 'pending',
  OPEN: 'pending',
  WAITING: 'pending',
  HELD: 'pending',
  RUNNING: 'pending',
  REVOKING: 'pending',
  DENIED: 'danger',
  REFUSED: 'danger',
  FAILED: 'danger',
  FULFILMENT_FAILED: 'danger',
  DEAD: 'danger',
  REVOKE: 'danger',
  DISABLED: 'neutral',
  REVOKED: 'neutral',
  CANCELLED: 'neutral',
  CLOSED: 'neutral',
  EXPIRED: 'neutral',
};

export interface StatusBadgeProps {
  /** A status as the API spells it, e.g. PENDING_PROVISIONING; shown humanised ("Pending provisioning"). */
  status: string;
  /** Overrides the text. */
  label?: string;
  /** Overrides the colour the status would get. */
  tone?: StatusTone;
}

/** A status in words with a colour; the words carry the meaning, the colour only helps. */
export function StatusBadge({ status, label, tone }: StatusBadgeProps) {
  const resolvedTone = tone ?? TONES[status] ?? 'info';
  return <span className={`badge badge--${resolvedTone}`}>{label ?? humanize(status)}</span>;
}
