import type { BirthrightRule, Role } from '../model/policy-set';
import { compiled, ref, subject } from '../testing/policy-fixtures';
import { birthrightFor } from './birthright';

const chatRole: Role = { id: 'everyone', name: 'Everyone', description: '', entitlements: [ref('slack:member'), ref('google:mail')] };
const engineeringRole: Role = {
  id: 'engineering',
  name: 'Engineering',
  description: '',
  entitlements: [ref('github:member'), ref('aws:staging')],
};

function rule(
  id: string,
  condition: BirthrightRule['condition'],
  grants: Partial<Pick<BirthrightRule, 'roles' | 'entitlements' | 'enabled'>>,
): BirthrightRule {
  return { id, name: `Rule ${id}`, description: '', condition, roles: [], entitlements: [], enabled: true, ...grants };
}

const policy = compiled(
  {
    roles: [chatRole, engineeringRole],
    birthrightRules: [
      rule('all-staff', { op: 'always' }, { roles: ['everyone'] }),
      rule(
        'engineering',
        { op: 'equals', attribute: 'department', value: 'Engineering' },
        { roles: ['engineering'], entitlements: [ref('github:member')] },
      ),
      rule('senior', { op: 'prefix', attribute: 'title', value: 'Senior' }, { entitlements: [ref('github:maintainer')] }),
      rule('sales', { op: 'equals', attribute: 'department', value: 'Sales' }, { entitlements: [ref('salesforce:user')] }),
      rule('retired', { op: 'always' }, { entitlements: [ref('legacy:user')], enabled: false }),
    ],
  },
  7,
);

describe('birthrightFor', () => {
  it('given rules on department and title, when an engineer is evaluated, then every matching rule grants, sorted by entitlement key', () => {
    const decision = birthrightFor(policy, subject());

    expect(decision.policyVersion).toBe(7);
    expect(decision.identityId).toBe('identity-1002');
    expect(decision.entitlements.map((e) => `${e.entitlement.application}:${e.entitlement.entitlement}`)).toEqual([
      'aws:staging',
      'github:maintainer',
      'github:member',
      'google:mail',
      'slack:member',
    ]);
  });

  it('given an entitlement granted directly and through a role, when evaluated, then both reasons are kept with what matched', () => {
    const githubMember = birthrightFor(policy, subject()).entitlements.find(
      (e) => e.entitlement.entitlement === 'member' && e.entitlement.application === 'github',
    );

    expect(githubMember!.reasons).toEqual([
      { ruleId: 'engineering', ruleName: 'Rule engineering', roleId: null, roleName: null, matched: ['department = "Engineering"'] },
      {
        ruleId: 'engineering',
        ruleName: 'Rule engineering',
        roleId: 'engineering',
        roleName: 'Engineering',
        matched: ['department = "Engineering"'],
      },
    ]);
  });

  it('given a role granted to everyone, when evaluated, then each of its entitlements names the role and the rule', () => {
    const mail = birthrightFor(policy, subject()).entitlements.find((e) => e.entitlement.application === 'google');

    expect(mail!.reasons).toEqual([
      { ruleId: 'all-staff', ruleName: 'Rule all-staff', roleId: 'everyone', roleName: 'Everyone', matched: ['everyone'] },
    ]);
  });

  it('given a disabled rule, when evaluated, then it grants nothing', () => {
    const keys = birthrightFor(policy, subject()).entitlements.map((e) => e.entitlement.application);
    expect(keys).not.toContain('legacy');
  });

  it('given a person in Sales, when evaluated, then the engineering rules do not apply', () => {
    const keys = birthrightFor(policy, subject({ department: 'Sales', title: 'Account Executive' })).entitlements.map(
      (e) => `${e.entitlement.application}:${e.entitlement.entitlement}`,
    );
    expect(keys).toEqual(['google:mail', 'salesforce:user', 'slack:member']);
  });

  it('given a terminated person, when evaluated, then they get nothing, even from rules for everyone', () => {
    expect(birthrightFor(policy, subject({ status: 'terminated' })).entitlements).toEqual([]);
  });

  it('given a person before their start date or on leave, when evaluated, then they keep their birthright', () => {
    expect(birthrightFor(policy, subject({ status: 'pre-hire' })).entitlements).toHaveLength(5);
    expect(birthrightFor(policy, subject({ status: 'on-leave' })).entitlements).toHaveLength(5);
  });

  it('given a rule naming a role that does not exist (an unvalidated policy), when evaluated, then that role grants nothing', () => {
    const broken = compiled({
      birthrightRules: [rule('ghost', { op: 'always' }, { roles: ['ghost'], entitlements: [ref('chat:member')] })],
    });
    expect(birthrightFor(broken, subject()).entitlements.map((e) => e.entitlement.application)).toEqual(['chat']);
  });
});
