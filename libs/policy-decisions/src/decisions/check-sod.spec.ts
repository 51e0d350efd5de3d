import type { Role } from '../model/policy-set';
import { compiled, exception, held, NOW, ref, sodRule, subject } from '../testing/policy-fixtures';
import { checkSod } from './check-sod';

const ada = subject();
const vendorPayment = sodRule('finance-vendor-payment', ['erp:vendor-create'], ['erp:payment-approve', 'erp:payment-release'], {
  name: 'Vendor creation vs payment approval',
  sets: [
    { name: 'Create vendors', entitlements: [ref('erp:vendor-create')], roles: [] },
    { name: 'Approve payments', entitlements: [ref('erp:payment-release'), ref('erp:payment-approve')], roles: [] },
  ],
});

function check(rules: Parameters<typeof compiled>[0], keys: string[], exceptions = [exception('none', { identityId: 'nobody' })]) {
  return checkSod(compiled(rules), ada, held(...keys), exceptions, NOW);
}

describe('checkSod', () => {
  it('given entitlements from two sets of a rule, when checked, then the violation names the rule, the sets and the entitlements', () => {
    const { violations, policyVersion, identityId } = check({ sodRules: [vendorPayment] }, [
      'erp:payment-release',
      'erp:vendor-create',
      'erp:payment-approve',
      'slack:member',
    ]);

    expect(policyVersion).toBe(1);
    expect(identityId).toBe('identity-1002');
    expect(violations).toEqual([
      {
        ruleId: 'finance-vendor-payment',
        ruleName: 'Vendor creation vs payment approval',
        severity: 'high',
        action: 'block',
        conflicting: [
          { setName: 'Create vendors', entitlements: [ref('erp:vendor-create')] },
          { setName: 'Approve payments', entitlements: [ref('erp:payment-approve'), ref('erp:payment-release')] },
        ],
        exception: null,
        blocking: true,
        explanation:
          'SoD rule "Vendor creation vs payment approval" (finance-vendor-payment, severity high) forbids holding Create vendors (erp:vendor-create) and Approve payments (erp:payment-approve, erp:payment-release) together: blocked (no exception can waive it)',
      },
    ]);
  });

  it('given entitlements from one set only, when checked, then there is no violation', () => {
    expect(check({ sodRules: [vendorPayment] }, ['erp:payment-approve', 'erp:payment-release']).violations).toEqual([]);
  });

  it('given a set that names a role, when the person holds one of the role entitlements, then the set counts as hit', () => {
    const payments: Role = { id: 'payments', name: 'Payments', description: '', entitlements: [ref('erp:payment-approve')] };
    const viaRole = sodRule('via-role', ['erp:vendor-create'], [], {
      sets: [
        { name: 'Create vendors', entitlements: [ref('erp:vendor-create')], roles: [] },
        { name: 'Payments role', entitlements: [], roles: ['payments'] },
      ],
    });
    const { violations } = check({ roles: [payments], sodRules: [viaRole] }, ['erp:vendor-create', 'erp:payment-approve']);
    expect(violations.map((v) => v.conflicting)).toEqual([
      [
        { setName: 'Create vendors', entitlements: [ref('erp:vendor-create')] },
        { setName: 'Payments role', entitlements: [ref('erp:payment-approve')] },
      ],
    ]);
  });

  it('given a three-set rule, when two sets are hit, then only those two are listed', () => {
    const threeWay = sodRule('three', ['a:1'], ['a:2'], {
      sets: [
        { name: 'One', entitlements: [ref('a:1')], roles: [] },
        { name: 'Two', entitlements: [ref('a:2')], roles: [] },
        { name: 'Three', entitlements: [ref('a:3')], roles: [] },
      ],
    });
    const [violation] = check({ sodRules: [threeWay] }, ['a:1', 'a:3']).violations;
    expect(violation!.conflicting.map((set) => set.setName)).toEqual(['One', 'Three']);
    expect(violation!.explanation).toContain('One (a:1) and Three (a:3) together');
  });

  it('given several violated rules, when checked, then they come sorted by rule id', () => {
    const rules = [sodRule('zeta', ['a:1'], ['a:2']), sodRule('alpha', ['a:2'], ['a:3']), sodRule('mid', ['b:1'], ['b:2'])];
    expect(check({ sodRules: rules }, ['a:3', 'a:2', 'a:1']).violations.map((v) => v.ruleId)).toEqual(['alpha', 'zeta']);
  });

  describe('actions and exceptions', () => {
    const keys = ['erp:vendor-create', 'erp:payment-approve'];
    const withAction = (action: 'block' | 'require-exception' | 'alert') => ({ sodRules: [{ ...vendorPayment, action }] });

    it('given a block rule and a valid exception, when checked, then it still blocks and the exception is ignored', () => {
      const [violation] = check(withAction('block'), keys, [exception('finance-vendor-payment')]).violations;
      expect(violation).toMatchObject({ blocking: true, exception: null });
    });

    it('given require-exception and a valid exception for this identity and rule, when checked, then it is waived, not blocking', () => {
      const waiver = exception('finance-vendor-payment');
      const [violation] = check(withAction('require-exception'), keys, [waiver]).violations;
      expect(violation).toMatchObject({ blocking: false, exception: waiver });
      expect(violation!.explanation).toMatch(
        /waived by exception exception-finance-vendor-payment \(approved by 1001\) until 2030-12-31T00:00:00.000Z$/,
      );
    });

    it('given require-exception and an expired exception, when checked, then it blocks', () => {
      const expired = exception('finance-vendor-payment', { validUntil: '2030-06-01T12:00:00.000Z' }); // ends exactly now
      const [violation] = check(withAction('require-exception'), keys, [expired]).violations;
      expect(violation).toMatchObject({ blocking: true, exception: null });
      expect(violation!.explanation).toMatch(/needs an approved exception, and this identity has no valid one$/);
    });

    it('given require-exception and an exception for another identity or another rule, when checked, then it blocks', () => {
      const others = [exception('finance-vendor-payment', { identityId: 'identity-2000' }), exception('another-rule')];
      expect(check(withAction('require-exception'), keys, others).violations[0]).toMatchObject({ blocking: true, exception: null });
    });

    it('given several valid exceptions, when checked, then the one valid longest is shown whatever their order', () => {
      const short = exception('finance-vendor-payment', { exceptionId: 'short', validUntil: '2030-07-01T00:00:00Z' });
      const long = exception('finance-vendor-payment', { exceptionId: 'long', validUntil: '2031-01-01T00:00:00Z' });
      expect(check(withAction('require-exception'), keys, [short, long]).violations[0]!.exception).toBe(long);
      expect(check(withAction('require-exception'), keys, [long, short]).violations[0]!.exception).toBe(long);
    });

    it('given an alert rule, when checked, then the violation is reported but never blocks', () => {
      const [violation] = check(withAction('alert'), keys, []).violations;
      expect(violation).toMatchObject({ blocking: false, exception: null, action: 'alert' });
      expect(violation!.explanation).toMatch(/allowed, reported as an alert$/);
    });
  });

  it('given a malformed now, when checked, then it throws rather than treating every exception as expired', () => {
    expect(() => checkSod(compiled({}), ada, [], [], 'yesterday')).toThrow(RangeError);
  });
});
