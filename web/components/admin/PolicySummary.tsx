import { StatusBadge } from '@/components/ui';
import { formatHours, humanize } from '@/lib/format';
import type { PolicySet } from '@/app/admin/policies/queries';
import layout from '@/components/admin/layout.module.css';

const keys = (refs: { key: string }[]) => (refs.length > 0 ? refs.map((ref) => ref.key).join(', ') : 'none');

/** The policy's parts, each list folded so the page stays short. */
export function PolicySummary({ policy }: { policy: PolicySet }) {
  return (
    <div className={layout.lines}>
      <details>
        <summary>Birthright rules ({policy.birthrightRules.length})</summary>
        <ul>
          {policy.birthrightRules.map((rule) => (
            <li key={rule.id}>
              <strong>{rule.name}</strong> {!rule.enabled ? <StatusBadge status="DISABLED" /> : null}: when {rule.conditionDescription},
              grant roles {rule.roles.join(', ') || 'none'} and entitlements {keys(rule.entitlements)}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Roles ({policy.roles.length})</summary>
        <ul>
          {policy.roles.map((role) => (
            <li key={role.id}>
              <strong>{role.name}</strong> ({role.id}): {keys(role.entitlements)}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Separation-of-duties rules ({policy.sodRules.length})</summary>
        <ul>
          {policy.sodRules.map((rule) => (
            <li key={rule.id}>
              <strong>{rule.name}</strong> · {rule.severity.toLowerCase()} · {humanize(rule.action).toLowerCase()}:{' '}
              {rule.sets
                .map((set) => `${set.name} (${[...set.entitlements.map((e) => e.key), ...set.roles.map((r) => `role ${r}`)].join(', ')})`)
                .join(' vs ')}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Access policies ({policy.accessPolicies.length})</summary>
        <ul>
          {policy.accessPolicies.map((access) => (
            <li key={access.id}>
              <strong>{access.name}</strong> ({humanize(access.scope.kind).toLowerCase()}
              {access.scope.entitlement
                ? ` ${access.scope.entitlement.key}`
                : access.scope.application
                  ? ` ${access.scope.application}`
                  : ''}
              ): {access.requestable ? `requestable by ${access.requestableByDescription ?? 'anyone active'}` : 'not requestable'}, at most{' '}
              {formatHours(access.maxDurationHours)}, risk {access.risk.toLowerCase()}, approvals:{' '}
              {access.approvalChain.length > 0
                ? access.approvalChain
                    .map((step) => humanize(step.kind).toLowerCase() + (step.group ? ` ${step.group}` : ''))
                    .join(' then ')
                : 'none'}
              {access.breakGlass ? ', break-glass allowed' : ''}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Approver groups ({policy.approverGroups.length})</summary>
        <ul>
          {policy.approverGroups.map((group) => (
            <li key={group.id}>
              <strong>{group.name}</strong>: {group.members.join(', ')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
