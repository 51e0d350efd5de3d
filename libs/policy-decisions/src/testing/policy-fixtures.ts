import { compilePolicy } from '../decisions/compile-policy';
import type { CompiledPolicy } from '../decisions/compiled-policy';
import type { AccessRequestInput } from '../decisions/decision-types';
import { parseEntitlementKey, type EntitlementRef } from '../model/entitlement';
import { EMPTY_POLICY_SET, type AccessPolicy, type PolicySet, type SodRule } from '../model/policy-set';
import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';

/** The instant every test decides at. */
export const NOW = '2030-06-01T12:00:00.000Z';

/** "github:admin" → { application: 'github', entitlement: 'admin' }. */
export function ref(key: string): EntitlementRef {
  return parseEntitlementKey(key);
}

export function held(...keys: string[]): HeldEntitlement[] {
  return keys.map((key) => ({ entitlement: ref(key), source: 'test' }));
}

/** Ada (1002): an active senior engineer in Paris who reports to 1004, who reports to 1001. */
export function subject(overrides: Partial<PolicySubject> = {}): PolicySubject {
  return {
    identityId: 'identity-1002',
    employeeNumber: '1002',
    status: 'active',
    department: 'Engineering',
    title: 'Senior Engineer',
    location: 'Paris',
    costCenter: 'CC-100',
    employmentType: 'employee',
    managerEmployeeNumber: '1004',
    managerChain: ['1004', '1001'],
    custom: { division: 'Labs' },
    ...overrides,
  };
}

export function compiled(policy: Partial<PolicySet>, version = 1): CompiledPolicy {
  return compilePolicy({ version, publishedAt: NOW, publishedBy: 'admin', note: '', policy: { ...EMPTY_POLICY_SET, ...policy } });
}

/** A two-set SoD rule over entitlement keys. */
export function sodRule(id: string, first: string[], second: string[], overrides: Partial<SodRule> = {}): SodRule {
  return {
    id,
    name: `Rule ${id}`,
    description: '',
    sets: [
      { name: 'First', entitlements: first.map(ref), roles: [] },
      { name: 'Second', entitlements: second.map(ref), roles: [] },
    ],
    severity: 'high',
    action: 'block',
    ...overrides,
  };
}

export function accessPolicy(id: string, scope: AccessPolicy['scope'], overrides: Partial<AccessPolicy> = {}): AccessPolicy {
  return {
    id,
    name: `Policy ${id}`,
    scope,
    requestable: true,
    requestableBy: null,
    maxDurationHours: null,
    approvalChain: [{ kind: 'manager' }],
    autoApproval: null,
    risk: 'medium',
    breakGlass: false,
    ...overrides,
  };
}

export function exception(ruleId: string, overrides: Partial<SodException> = {}): SodException {
  return {
    exceptionId: `exception-${ruleId}`,
    ruleId,
    identityId: 'identity-1002',
    approvedBy: '1001',
    reason: 'covered by a compensating control',
    validUntil: '2030-12-31T00:00:00.000Z',
    ...overrides,
  };
}

/** Ada asks for herself, for 4 hours, holding nothing. */
export function request(entitlementKey: string, overrides: Partial<AccessRequestInput> = {}): AccessRequestInput {
  return {
    subject: subject(),
    requesterEmployeeNumber: '1002',
    entitlement: ref(entitlementKey),
    durationHours: 4,
    breakGlass: false,
    held: [],
    exceptions: [],
    peers: null,
    now: NOW,
    ...overrides,
  };
}
