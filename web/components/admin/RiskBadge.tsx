import { StatusBadge, type StatusTone } from '@/components/ui';

const TONES: Record<string, StatusTone> = { LOW: 'neutral', MEDIUM: 'info', HIGH: 'pending', CRITICAL: 'danger' };

export interface RiskBadgeProps {
  /** LOW, MEDIUM, HIGH or CRITICAL (any case); null when nobody assessed it. */
  risk: string | null | undefined;
  /** What the risk is of, e.g. "Entitlement risk". */
  label?: string;
}

export function RiskBadge({ risk, label = 'Risk' }: RiskBadgeProps) {
  if (!risk) return <StatusBadge status="UNASSESSED" label={`${label}: not assessed`} tone="neutral" />;
  // The catalog spells risks in capitals, a request's policy decision in lower case.
  const level = risk.toUpperCase();
  return <StatusBadge status={level} label={`${label}: ${level.toLowerCase()}`} tone={TONES[level] ?? 'info'} />;
}
