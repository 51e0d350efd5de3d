import { RiskBadge } from '@/components/admin/RiskBadge';
import { formatPercent } from '@/components/admin/format';
import { StatusBadge } from '@/components/ui';
import type { PeerHolding, RequestSodConflict } from './access-request';

/** The share of the requester's peers (same department and title) holding the entitlement, as the request carries it. */
export function PeerShareText({ holding }: { holding: PeerHolding | null }) {
  if (!holding) return <span className="muted">Unknown: the workflow service has no record of the person yet.</span>;
  const group = `${holding.title}, ${holding.department}`;
  if (holding.peers === 0 || holding.share === null) return <>No peers: nobody else is {group}.</>;
  return (
    <>
      {holding.holding} of {holding.peers} peers ({group}) hold it — {formatPercent(holding.share)}
    </>
  );
}

export function RiskBadges({
  requestRisk,
  entitlementRisk,
  breakGlass,
}: {
  requestRisk: string | null;
  entitlementRisk: string | null | undefined;
  breakGlass: boolean;
}) {
  return (
    <span className="button-row">
      <RiskBadge risk={entitlementRisk} label="Entitlement" />
      <RiskBadge risk={requestRisk} label="Policy" />
      {breakGlass ? <StatusBadge status="BREAK_GLASS" label="Break-glass" tone="danger" /> : null}
    </span>
  );
}

export function SodConflicts({ conflicts }: { conflicts: RequestSodConflict[] }) {
  if (conflicts.length === 0) return <p>No separation-of-duties conflict with what the person holds.</p>;
  return (
    <ul className="plain-list stack">
      {conflicts.map((conflict) => (
        <li key={conflict.ruleId}>
          <StatusBadge
            status={conflict.severity}
            label={`${conflict.severity.toLowerCase()} · ${conflict.action.toLowerCase().replace(/_/g, ' ')}`}
            tone={conflict.blocking ? 'danger' : 'pending'}
          />{' '}
          <strong>{conflict.ruleName}</strong>: {conflict.explanation}
        </li>
      ))}
    </ul>
  );
}
