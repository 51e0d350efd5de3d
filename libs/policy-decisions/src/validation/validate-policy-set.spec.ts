import { EMPTY_POLICY_SET } from '../model/policy-set';
import type { PolicyProblem, PolicyValidation } from './policy-problem';
import { validatePolicySet } from './validate-policy-set';

const erp = (entitlement: string) => ({ application: 'erp', entitlement });

/** A small valid document written by hand: everything that has a default is left out. */
function handWritten(): Record<string, unknown[]> {
  return {
    roles: [{ id: 'erp-read', name: 'ERP read', entitlements: [erp('read')] }],
    birthrightRules: [
      {
        id: 'finance-baseline',
        name: 'Finance baseline',
        condition: { op: 'equals', attribute: 'department', value: 'Finance' },
        roles: ['erp-read'],
      },
    ],
    sodRules: [
      {
        id: 'finance-vendor-payment',
        name: 'Vendor creation vs payment approval',
        sets: [
          { name: 'Create vendors', entitlements: [erp('vendor-create')] },
          { name: 'Approve payments', entitlements: [erp('payment-approve')] },
        ],
      },
    ],
    accessPolicies: [
      { id: 'default', name: 'Default', scope: { kind: 'default' } },
      {
        id: 'production',
        name: 'Production access',
        scope: { kind: 'entitlement', entitlement: { application: 'aws', entitlement: 'prod-admin' } },
        maxDurationHours: 4,
        approvalChain: [{ kind: 'manager' }, { kind: 'group', group: 'prod-approvers', approvals: 2 }],
      },
    ],
    approverGroups: [{ id: 'prod-approvers', name: 'Production approvers', members: ['1001', '1004'] }],
  };
}

function problemsOf(result: PolicyValidation): readonly PolicyProblem[] {
  if (result.ok) throw new Error('expected problems, the policy is valid');
  return result.problems;
}

function messagesOf(document: unknown): string[] {
  return problemsOf(validatePolicySet(document)).map((problem) => problem.message);
}

function withItem(collection: string, index: number, changes: Record<string, unknown>): Record<string, unknown[]> {
  const document = handWritten();
  document[collection]![index] = { ...(document[collection]![index] as object), ...changes };
  return document;
}

describe('validatePolicySet', () => {
  it('given a hand-written document that omits the defaults, when validated, then it is accepted with the defaults filled in', () => {
    const result = validatePolicySet(handWritten());

    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.policy.roles[0]).toEqual({ id: 'erp-read', name: 'ERP read', description: '', entitlements: [erp('read')] });
    expect(result.policy.birthrightRules[0]).toMatchObject({ description: '', enabled: true, entitlements: [] });
    expect(result.policy.sodRules[0]).toMatchObject({ severity: 'high', action: 'block', description: '' });
    expect(result.policy.sodRules[0]!.sets[0]).toEqual({ name: 'Create vendors', entitlements: [erp('vendor-create')], roles: [] });
    expect(result.policy.accessPolicies[0]).toEqual({
      id: 'default',
      name: 'Default',
      scope: { kind: 'default' },
      requestable: true,
      requestableBy: null,
      maxDurationHours: null,
      approvalChain: [{ kind: 'manager' }],
      autoApproval: null,
      risk: 'medium',
      breakGlass: false,
    });
  });

  it('given an empty object, when validated, then it is the empty policy', () => {
    expect(validatePolicySet({})).toEqual({ ok: true, policy: EMPTY_POLICY_SET });
  });

  it('given something that is not an object, or a collection that is not a list, or an unknown collection, when validated, then the document is named', () => {
    expect(messagesOf(null)).toEqual([
      'Policy: must be an object with roles, birthrightRules, sodRules, accessPolicies and approverGroups',
    ]);
    expect(problemsOf(validatePolicySet({ roles: 'erp-read' }))).toEqual([
      { path: 'roles', kind: null, id: null, field: 'roles', message: 'Policy: roles must be a list' },
    ]);
    expect(messagesOf({ rules: [] })).toEqual([
      'Policy: rules is not part of a policy (expected roles, birthrightRules, sodRules, accessPolicies, approverGroups)',
    ]);
  });

  it('given an empty application in an SoD set, when validated, then the problem names the rule, its name, the field and the path', () => {
    const document = handWritten();
    (document.sodRules![0] as { sets: { entitlements: unknown[] }[] }).sets[1]!.entitlements[0] = {
      application: '',
      entitlement: 'payment-approve',
    };

    expect(problemsOf(validatePolicySet(document))).toEqual([
      {
        path: 'sodRules[0].sets[1].entitlements[0].application',
        kind: 'sodRule',
        id: 'finance-vendor-payment',
        field: 'sets[1].entitlements[0].application',
        message:
          'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets[1].entitlements[0].application must not be empty',
      },
    ]);
  });

  it('given ids that are not slugs, when validated, then each is refused naming the id as written', () => {
    const problems = problemsOf(validatePolicySet(withItem('roles', 0, { id: 'ERP Read' })));

    expect(problems[0]).toMatchObject({ path: 'roles[0].id', kind: 'role', id: 'ERP Read', field: 'id' });
    expect(problems[0]!.message).toMatch(/^Role "ERP Read" \(ERP read\): id must be a slug/);
  });

  it('given an item without an id, when validated, then it is named by where it is', () => {
    const document = handWritten();
    document.roles!.push({ name: 'Nameless' });

    expect(messagesOf(document)).toEqual(['Role at roles[1] (Nameless): id is required']);
  });

  it('given two items of one kind with the same id, when validated, then the second is refused naming the first', () => {
    const document = handWritten();
    document.roles!.push({ id: 'erp-read', name: 'ERP read again' });

    expect(problemsOf(validatePolicySet(document))).toEqual([
      {
        path: 'roles[1].id',
        kind: 'role',
        id: 'erp-read',
        field: 'id',
        message: 'Role "erp-read" (ERP read again): id "erp-read" is also the id of roles[0]; ids must be unique in roles',
      },
    ]);
  });

  it('given the same id in two kinds, when validated, then it is accepted (ids are unique per kind)', () => {
    const document = handWritten();
    document.approverGroups!.push({ id: 'erp-read', name: 'ERP readers', members: ['1001'] });

    expect(validatePolicySet(document).ok).toBe(true);
  });

  it('given a misspelled field, when validated, then it is refused instead of silently dropped', () => {
    expect(messagesOf(withItem('birthrightRules', 0, { enabeld: false }))).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): has an unknown field "enabeld"',
    ]);
  });

  it('given a birthright rule naming a role that does not exist, when validated, then the rule and the role are named', () => {
    expect(problemsOf(validatePolicySet(withItem('birthrightRules', 0, { roles: ['erp-read', 'erp-write'] })))).toEqual([
      {
        path: 'birthrightRules[0].roles[1]',
        kind: 'birthrightRule',
        id: 'finance-baseline',
        field: 'roles[1]',
        message: 'Birthright rule "finance-baseline" (Finance baseline): roles[1] names role "erp-write", which does not exist',
      },
    ]);
  });

  it('given a rule referring to a role that is itself broken, when validated, then only the role is reported', () => {
    expect(messagesOf(withItem('roles', 0, { entitlements: 'erp:read' }))).toEqual([
      'Role "erp-read" (ERP read): entitlements must be a list',
    ]);
  });

  it('given a birthright rule that grants nothing, when validated, then it is refused', () => {
    expect(messagesOf(withItem('birthrightRules', 0, { roles: [] }))).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): grants nothing: list roles or entitlements',
    ]);
  });

  it('given an SoD rule with one set, when validated, then it needs two', () => {
    const document = handWritten();
    const rule = document.sodRules![0] as { sets: unknown[] };
    rule.sets = rule.sets.slice(0, 1);

    expect(messagesOf(document)).toEqual([
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets must list at least 2 sets: the rule forbids holding entitlements of two sets together',
    ]);
  });

  it('given an SoD set with neither entitlements nor roles, when validated, then the set is named', () => {
    const document = handWritten();
    (document.sodRules![0] as { sets: unknown[] }).sets[1] = { name: 'Approve payments' };

    expect(problemsOf(validatePolicySet(document))[0]).toMatchObject({
      field: 'sets[1]',
      message:
        'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets[1] has no entitlements and no roles: each set needs at least one entitlement',
    });
  });

  it('given an SoD set whose only role is empty or unknown, when validated, then each problem is named', () => {
    const document = handWritten();
    document.roles!.push({ id: 'empty', name: 'Empty role' });
    (document.sodRules![0] as { sets: unknown[] }).sets[1] = { name: 'Approve payments', roles: ['empty'] };
    expect(messagesOf(document)).toEqual([
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets[1] has no entitlement: its roles (empty) hold none, so the set can never conflict',
    ]);

    (document.sodRules![0] as { sets: unknown[] }).sets[1] = { name: 'Approve payments', roles: ['payments'] };
    expect(messagesOf(document)).toEqual([
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets[1].roles[0] names role "payments", which does not exist',
    ]);
  });

  it('given an entitlement in two sets of a rule, directly or through a role, when validated, then the overlap is refused', () => {
    const direct = handWritten();
    (direct.sodRules![0] as { sets: unknown[] }).sets[1] = { name: 'Approve payments', entitlements: [erp('vendor-create')] };
    expect(messagesOf(direct)).toEqual([
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets[1].entitlements[0] (erp:vendor-create) is also in sets[0]: holding it alone would violate the rule',
    ]);

    const throughRole = handWritten();
    throughRole.roles!.push({ id: 'vendors', name: 'Vendors', entitlements: [erp('vendor-create')] });
    (throughRole.sodRules![0] as { sets: unknown[] }).sets[1] = { name: 'Approve payments', roles: ['vendors'] };
    expect(messagesOf(throughRole)).toEqual([
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): sets[1] contains erp:vendor-create (through role "vendors"), which sets[0] contains too: holding it alone would violate the rule',
    ]);
  });

  it('given an unknown action or severity, when validated, then the allowed values are listed', () => {
    expect(messagesOf(withItem('sodRules', 0, { action: 'warn', severity: 'extreme' }))).toEqual([
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): severity must be one of "low", "medium", "high", "critical"',
      'SoD rule "finance-vendor-payment" (Vendor creation vs payment approval): action must be one of "block", "require-exception", "alert"',
    ]);
  });

  it('given a group step for a group that does not exist, when validated, then the step is named', () => {
    expect(messagesOf(withItem('accessPolicies', 1, { approvalChain: [{ kind: 'group', group: 'sre' }] }))).toEqual([
      'Access policy "production" (Production access): approvalChain[0].group names approver group "sre", which does not exist',
    ]);
  });

  it('given a group step asking for more approvers than the group has, or none, when validated, then it is refused', () => {
    expect(
      messagesOf(withItem('accessPolicies', 1, { approvalChain: [{ kind: 'group', group: 'prod-approvers', approvals: 3 }] })),
    ).toEqual([
      'Access policy "production" (Production access): approvalChain[0].approvals asks for 3 distinct approvers but approver group "prod-approvers" has only 2 members',
    ]);
    expect(
      messagesOf(withItem('accessPolicies', 1, { approvalChain: [{ kind: 'group', group: 'prod-approvers', approvals: 0 }] })),
    ).toEqual(['Access policy "production" (Production access): approvalChain[0].approvals must be at least 1']);
    expect(
      messagesOf(withItem('accessPolicies', 1, { approvalChain: [{ kind: 'group', group: 'prod-approvers', approvals: 1.5 }] })),
    ).toEqual(['Access policy "production" (Production access): approvalChain[0].approvals must be a whole number']);
  });

  it('given an unknown approval step kind, when validated, then the kinds are listed', () => {
    expect(messagesOf(withItem('accessPolicies', 1, { approvalChain: [{ kind: 'ceo' }] }))).toEqual([
      'Access policy "production" (Production access): approvalChain[0].kind must be one of "manager", "entitlement-owner", "application-owner", "group"',
    ]);
  });

  it('given durations of 0 or below, when validated, then each is refused; null means no limit', () => {
    expect(messagesOf(withItem('accessPolicies', 1, { maxDurationHours: 0 }))).toEqual([
      'Access policy "production" (Production access): maxDurationHours must be greater than 0',
    ]);
    expect(messagesOf(withItem('accessPolicies', 1, { autoApproval: { maxRisk: 'low', maxDurationHours: -1 } }))).toEqual([
      'Access policy "production" (Production access): autoApproval.maxDurationHours must be greater than 0',
    ]);
    expect(validatePolicySet(withItem('accessPolicies', 1, { maxDurationHours: null })).ok).toBe(true);
  });

  it('given a peer share outside 0..1, when validated, then it is refused', () => {
    expect(messagesOf(withItem('accessPolicies', 1, { autoApproval: { minPeerShare: 1.5 } }))).toEqual([
      'Access policy "production" (Production access): autoApproval.minPeerShare must be at most 1',
    ]);
    expect(messagesOf(withItem('accessPolicies', 1, { autoApproval: { minPeerShare: -0.1 } }))).toEqual([
      'Access policy "production" (Production access): autoApproval.minPeerShare must be at least 0',
    ]);
  });

  it('given auto-approval with only a peer share, when validated, then the rest takes the cautious defaults', () => {
    const result = validatePolicySet(withItem('accessPolicies', 1, { autoApproval: { minPeerShare: 0.5 } }));
    if (!result.ok) throw new Error('expected valid');
    expect(result.policy.accessPolicies[1]!.autoApproval).toEqual({
      maxRisk: 'low',
      minPeerShare: 0.5,
      peerGroup: 'department',
      maxDurationHours: null,
    });
  });

  it('given two access policies for one scope, when validated, then the second is refused for each kind of scope', () => {
    const document = handWritten();
    document.accessPolicies!.push(
      { id: 'default-2', name: 'Another default', scope: { kind: 'default' } },
      { id: 'aws', name: 'AWS', scope: { kind: 'application', application: 'aws' } },
      { id: 'aws-2', name: 'AWS again', scope: { kind: 'application', application: 'aws' } },
      {
        id: 'production-2',
        name: 'Production again',
        scope: { kind: 'entitlement', entitlement: { application: 'aws', entitlement: 'prod-admin' } },
      },
    );

    expect(messagesOf(document)).toEqual([
      'Access policy "default-2" (Another default): scope the default scope is already covered by access policy "default"; keep one policy per scope',
      'Access policy "aws-2" (AWS again): scope application "aws" is already covered by access policy "aws"; keep one policy per scope',
      'Access policy "production-2" (Production again): scope entitlement aws:prod-admin is already covered by access policy "production"; keep one policy per scope',
    ]);
  });

  it('given conditions that are malformed, when validated, then the condition field is named', () => {
    const rule = (condition: unknown) => messagesOf(withItem('birthrightRules', 0, { condition }));
    expect(rule({ op: 'equals', attribute: 'dept', value: 'Finance' })).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): condition.attribute must be one of employeeNumber, department, title, location, costCenter, employmentType, status, or custom.<name>',
    ]);
    expect(rule({ op: 'matches', attribute: 'department' })[0]).toMatch(/condition\.op must be one of "all", "any", "not"/);
    expect(rule({ op: 'any', conditions: [] })).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): condition.conditions must list at least one condition',
    ]);
    expect(rule({ op: 'in', attribute: 'custom.division', values: [] })).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): condition.values must list at least one value',
    ]);
    expect(rule({ op: 'all', conditions: [{ op: 'not', condition: { op: 'equals', attribute: 'custom.', value: 'x' } }] })[0]).toMatch(
      /condition\.conditions\[0\]\.condition\.attribute must be one of/,
    );
    expect(rule({ op: 'equals', attribute: 'department' })).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): condition.value is required',
    ]);
  });

  it('given a condition 17 levels deep (or thousands), when validated, then it is refused without exhausting the stack', () => {
    const nested = (levels: number) => {
      let condition: unknown = { op: 'always' };
      for (let level = 1; level < levels; level++) condition = { op: 'not', condition };
      return condition;
    };
    expect(validatePolicySet(withItem('birthrightRules', 0, { condition: nested(16) })).ok).toBe(true);
    expect(messagesOf(withItem('birthrightRules', 0, { condition: nested(17) }))).toEqual([
      'Birthright rule "finance-baseline" (Finance baseline): condition is nested more than 16 levels deep; flatten it with all/any',
    ]);
    expect(messagesOf(withItem('birthrightRules', 0, { condition: nested(100_000) }))).toHaveLength(1);
  });

  it('given a requestableBy condition that is too deep, when validated, then the access policy field is named', () => {
    let condition: unknown = { op: 'always' };
    for (let level = 0; level < 20; level++) condition = { op: 'all', conditions: [condition] };
    expect(problemsOf(validatePolicySet(withItem('accessPolicies', 0, { requestableBy: condition })))[0]).toMatchObject({
      kind: 'accessPolicy',
      id: 'default',
      field: 'requestableBy',
    });
  });

  it('given an application id containing a colon, when validated, then it is refused (it would make the entitlement key ambiguous)', () => {
    expect(messagesOf(withItem('roles', 0, { entitlements: [{ application: 'erp:eu', entitlement: 'read' }] }))).toEqual([
      'Role "erp-read" (ERP read): entitlements[0].application must not contain ":"',
    ]);
  });

  it('given an approver group listing a member twice or nobody, when validated, then it is refused', () => {
    expect(messagesOf(withItem('approverGroups', 0, { members: ['1001', '1001'] }))[0]).toBe(
      'Approver group "prod-approvers" (Production approvers): members[1] (1001) is listed twice',
    );
    expect(messagesOf(withItem('approverGroups', 0, { members: [] }))).toEqual([
      'Approver group "prod-approvers" (Production approvers): members must list at least one member (employee number)',
    ]);
  });

  it('given problems in several items, when validated, then every problem is reported at once, in document order', () => {
    const document = handWritten();
    document.approverGroups![0] = { id: 'prod-approvers', name: '' };
    document.roles!.push({ id: 'erp-read', name: 'Duplicate' });

    expect(problemsOf(validatePolicySet(document)).map((problem) => problem.path)).toEqual([
      'roles[1].id',
      'approverGroups[0].name',
      'approverGroups[0].members',
    ]);
  });
});
