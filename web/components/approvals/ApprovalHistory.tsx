import { StatusBadge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { ApprovalStep } from './access-request';

/** Every step of the chain with who approved it, when and what they wrote. */
export function ApprovalHistory({ steps }: { steps: ApprovalStep[] }) {
  return (
    <ol className="plain-list stack">
      {steps.map((step) => (
        <li key={step.index}>
          <StatusBadge status={step.status} /> Step {step.index + 1}: {step.description}
          {step.toAdministrators ? <span className="muted"> (left to administrators)</span> : null}
          {step.escalations > 0 ? <span className="muted"> · escalated {step.escalations}×</span> : null}
          {step.approvals.length > 0 ? (
            <ul>
              {step.approvals.map((approval) => (
                <li key={`${approval.by.kind}-${approval.by.employeeNumber ?? ''}-${approval.at}`}>
                  {approval.by.employeeNumber ?? approval.by.kind.toLowerCase()} approved on {formatDateTime(approval.at)}
                  {approval.comment ? <>: “{approval.comment}”</> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
