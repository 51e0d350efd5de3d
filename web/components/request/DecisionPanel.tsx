import { StatusBadge } from '@/components/ui/StatusBadge';
import type { RequestDecision } from '@/lib/data/request-decision';
import { formatHours, humanize } from '@/lib/format';
import { approvalNeeded } from '@/lib/requests/approval-wording';

/** What policy says about the request, before it is made: allowed or not and why, who approves, how long, SoD. */
export function DecisionPanel({ decision, requestedHours }: { decision: RequestDecision; requestedHours: number }) {
  const capped = decision.grantedDurationHours !== null && decision.grantedDurationHours < requestedHours;
  return (
    <section className="panel" aria-labelledby="policy-decision">
      <h2 id="policy-decision">What policy says</h2>
      <div className={`notice ${decision.allowed ? 'notice--success' : 'notice--error'}`}>
        <p className="notice__title">{decision.allowed ? 'You may request this access.' : 'Policy does not allow this request.'}</p>
        {decision.reasons.length > 0 ? (
          <ul>
            {decision.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
      </div>

      {decision.allowed ? (
        <>
          <h3>Who approves</h3>
          {decision.autoApproved ? (
            <div>
              <p>Approved automatically, no approver needed:</p>
              <ul>
                {decision.autoApprovalReasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : decision.approvalChain.length === 0 ? (
            <p>No approval needed.</p>
          ) : (
            <ol aria-label="Approval chain">
              {decision.approvalChain.map((item, index) => (
                <li key={`${item.step.kind}-${index}`}>
                  <strong>{approvalNeeded(item.step.kind, item.step.group, item.step.approvals)}</strong>
                  <span className="muted">: {item.description}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}

      <h3>Duration</h3>
      <dl className="definition-list">
        <dt>Maximum</dt>
        <dd>{decision.maxDurationHours === null ? 'No limit' : formatHours(decision.maxDurationHours)}</dd>
        <dt>You would get</dt>
        <dd>
          {formatHours(decision.grantedDurationHours)}
          {capped ? ` (you asked for ${formatHours(requestedHours)}; policy caps it)` : null}
        </dd>
        {decision.risk ? (
          <>
            <dt>Risk</dt>
            <dd>{humanize(decision.risk)}</dd>
          </>
        ) : null}
        <dt>Policy</dt>
        <dd>
          {decision.policyName ?? 'No access policy applies'} (version {decision.policyVersion})
        </dd>
      </dl>

      <h3>Separation of duties</h3>
      {decision.sodConflicts.length === 0 ? (
        <p>No conflict with what you already hold.</p>
      ) : (
        <ul aria-label="Separation-of-duties conflicts">
          {decision.sodConflicts.map((conflict) => (
            <li key={conflict.ruleName}>
              <StatusBadge status={conflict.blocking ? 'BLOCKING' : 'WARNING'} tone={conflict.blocking ? 'danger' : 'pending'} />{' '}
              <strong>{conflict.ruleName}</strong>: {conflict.explanation}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
