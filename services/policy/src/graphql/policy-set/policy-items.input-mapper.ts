import type { EntitlementRefInput } from '../shared/entitlement-ref.type';
import type {
  AccessPolicyInput,
  ApprovalStepInput,
  ApproverGroupInput,
  BirthrightRuleInput,
  RoleInput,
  SodRuleInput,
} from './policy-items.input';

/**
 * Inputs as the documents the application validates: fields the client left out (or sent as null)
 * are left out, so the policy's own defaults apply and its strict validation names anything given
 * where it does not belong (a group on a MANAGER step). Conditions pass through as sent.
 */

export function roleDocument(input: RoleInput): unknown {
  return present({ id: input.id, name: input.name, description: input.description, entitlements: refs(input.entitlements) });
}

export function birthrightRuleDocument(input: BirthrightRuleInput): unknown {
  return present({
    id: input.id,
    name: input.name,
    description: input.description,
    condition: input.condition,
    roles: input.roles,
    entitlements: refs(input.entitlements),
    enabled: input.enabled,
  });
}

export function sodRuleDocument(input: SodRuleInput): unknown {
  return present({
    id: input.id,
    name: input.name,
    description: input.description,
    sets: input.sets.map((set) => present({ name: set.name, entitlements: refs(set.entitlements), roles: set.roles })),
    severity: input.severity,
    action: input.action,
  });
}

export function approverGroupDocument(input: ApproverGroupInput): unknown {
  return { id: input.id, name: input.name, members: input.members };
}

export function accessPolicyDocument(input: AccessPolicyInput): unknown {
  const { scope, autoApproval } = input;
  return present({
    id: input.id,
    name: input.name,
    scope: present({ kind: scope.kind, entitlement: scope.entitlement ? ref(scope.entitlement) : null, application: scope.application }),
    requestable: input.requestable,
    requestableBy: input.requestableBy,
    maxDurationHours: input.maxDurationHours,
    approvalChain: input.approvalChain?.map(approvalStepDocument),
    autoApproval: autoApproval
      ? present({
          maxRisk: autoApproval.maxRisk,
          minPeerShare: autoApproval.minPeerShare,
          peerGroup: autoApproval.peerGroup,
          maxDurationHours: autoApproval.maxDurationHours,
        })
      : autoApproval,
    risk: input.risk,
    breakGlass: input.breakGlass,
  });
}

function approvalStepDocument(step: ApprovalStepInput): unknown {
  return present({ kind: step.kind, group: step.group, approvals: step.approvals });
}

// Input objects are instances of the input classes; the documents are plain data.
function ref(input: EntitlementRefInput): { application: string; entitlement: string } {
  return { application: input.application, entitlement: input.entitlement };
}

function refs(inputs: readonly EntitlementRefInput[] | null | undefined) {
  return inputs?.map(ref);
}

function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}
