import type { BirthrightRule } from '../model/policy-set';
import type { HeldEntitlement, PolicySubject, SodException } from '../model/subject';
import { compiled, exception, held, NOW, ref, sodRule, subject } from '../testing/policy-fixtures';
import { compareEmployeeNumbers } from './employee-number-order';
import { simulateDraft } from './simulate-draft';

function rule(id: string, department: string, keys: string[]): BirthrightRule {
  return {
    id,
    name: `Rule ${id}`,
    description: '',
    condition: { op: 'equals', attribute: 'department', value: department },
    roles: [],
    entitlements: keys.map(ref),
    enabled: true,
  };
}

const everyone: BirthrightRule = { ...rule('everyone', '', ['slack:member']), condition: { op: 'always' } };
const engineering = rule('engineering', 'Engineering', ['github:member', 'aws:staging']);
const finance = rule('finance', 'Finance', ['erp:read']);

const ada = subject();
const bob = subject({ identityId: 'identity-999', employeeNumber: '999', department: 'Finance' });
const cleo = subject({ identityId: 'identity-1010', employeeNumber: '1010', department: 'Sales' });
const gone = subject({ identityId: 'identity-5', employeeNumber: '5', department: 'Engineering', status: 'terminated' });

function simulate(
  current: Parameters<typeof compiled>[0] | null,
  draft: Parameters<typeof compiled>[0],
  people: PolicySubject[],
  holdings: Record<string, HeldEntitlement[]> = {},
  exceptions: Record<string, SodException[]> = {},
) {
  return simulateDraft({
    current: current === null ? null : compiled(current, 4),
    draft: compiled(draft, 5),
    subjects: people,
    heldOf: (identityId) => holdings[identityId] ?? [],
    exceptionsOf: (identityId) => exceptions[identityId] ?? [],
    now: NOW,
  });
}

describe('simulateDraft', () => {
  it('given a draft that changes what a department gets, when simulated, then additions and removals are counted per rule and per identity', () => {
    const draftEngineering = rule('engineering', 'Engineering', ['github:member', 'aws:dev']);
    const result = simulate(
      { birthrightRules: [everyone, engineering, finance] },
      { birthrightRules: [everyone, draftEngineering, finance] },
      [ada, bob, cleo],
    );

    expect(result).toMatchObject({ currentVersion: 4, identities: 3, added: 1, removed: 1, newViolations: 0, newViolationsPerRule: [] });
    expect(result.perRule).toEqual([{ ruleId: 'engineering', ruleName: 'Rule engineering', added: 1, removed: 1 }]);
    expect(result.affected).toEqual([
      { identityId: 'identity-1002', employeeNumber: '1002', added: [ref('aws:dev')], removed: [ref('aws:staging')], newViolations: [] },
    ]);
  });

  it('given a removed rule and a new one, when simulated, then the removal counts for the current rule and the addition for the draft rule', () => {
    const sales = rule('sales', 'Sales', ['salesforce:user']);
    const result = simulate({ birthrightRules: [everyone, finance] }, { birthrightRules: [everyone, sales] }, [bob, cleo]);

    expect(result.perRule).toEqual([
      { ruleId: 'finance', ruleName: 'Rule finance', added: 0, removed: 1 },
      { ruleId: 'sales', ruleName: 'Rule sales', added: 1, removed: 0 },
    ]);
  });

  it('given an entitlement two draft rules grant, when simulated, then it is one assignment counted for both rules', () => {
    const alsoGithub = {
      ...rule('seniors', '', ['github:member']),
      condition: { op: 'prefix', attribute: 'title', value: 'Senior' },
    } as BirthrightRule;
    const result = simulate({ birthrightRules: [] }, { birthrightRules: [engineering, alsoGithub] }, [ada]);

    expect(result.added).toBe(2);
    expect(result.perRule).toEqual([
      { ruleId: 'engineering', ruleName: 'Rule engineering', added: 2, removed: 0 },
      { ruleId: 'seniors', ruleName: 'Rule seniors', added: 1, removed: 0 },
    ]);
  });

  it('given no current version, when simulated, then everything the draft grants is added', () => {
    const result = simulate(null, { birthrightRules: [everyone, engineering] }, [ada, cleo]);
    expect(result).toMatchObject({ currentVersion: null, added: 4, removed: 0 });
  });

  it('given terminated people, when simulated, then they are neither counted nor affected', () => {
    const result = simulate({ birthrightRules: [] }, { birthrightRules: [everyone] }, [ada, gone]);
    expect(result.identities).toBe(1);
    expect(result.affected.map((identity) => identity.employeeNumber)).toEqual(['1002']);
  });

  it('given affected people with numeric employee numbers, when simulated, then they are sorted numerically', () => {
    const result = simulate({ birthrightRules: [] }, { birthrightRules: [everyone] }, [cleo, ada, bob]);
    expect(result.affected.map((identity) => identity.employeeNumber)).toEqual(['999', '1002', '1010']);
  });

  describe('new SoD violations', () => {
    const deployReview = sodRule('deploy-review', ['aws:staging'], ['github:approve'], { name: 'Deploy vs review' });

    it('given a draft birthright that completes a conflict with what someone holds, when simulated, then it is a new violation', () => {
      const result = simulate(
        { birthrightRules: [], sodRules: [deployReview] },
        { birthrightRules: [engineering], sodRules: [deployReview] },
        [ada, bob],
        { 'identity-1002': held('github:approve') },
      );
      expect(result).toMatchObject({
        newViolations: 1,
        newViolationsPerRule: [{ ruleId: 'deploy-review', ruleName: 'Deploy vs review', count: 1 }],
      });
      expect(result.affected[0]!.newViolations).toEqual(['deploy-review']);
    });

    it('given a draft SoD rule that what someone already holds violates, when simulated, then it is new even without birthright changes', () => {
      const result = simulate({ sodRules: [] }, { sodRules: [deployReview] }, [ada], {
        'identity-1002': held('aws:staging', 'github:approve'),
      });
      expect(result.affected).toEqual([
        { identityId: 'identity-1002', employeeNumber: '1002', added: [], removed: [], newViolations: ['deploy-review'] },
      ]);
    });

    it('given a violation that exists already under the current policy, when simulated, then it is not new', () => {
      const result = simulate({ sodRules: [deployReview] }, { sodRules: [deployReview] }, [ada], {
        'identity-1002': held('aws:staging', 'github:approve'),
      });
      expect(result).toMatchObject({ newViolations: 0, affected: [] });
    });

    it('given a removed birthright that ends a conflict, when simulated, then nothing new is reported', () => {
      const result = simulate(
        { birthrightRules: [engineering], sodRules: [deployReview] },
        { birthrightRules: [], sodRules: [deployReview] },
        [ada],
        { 'identity-1002': held('aws:staging', 'github:member', 'github:approve') },
      );
      expect(result).toMatchObject({ removed: 2, newViolations: 0 });
    });

    it('given a valid exception for a require-exception rule, when simulated, then the waived violation is not news; for a block rule it is', () => {
      const holdings = { 'identity-1002': held('aws:staging', 'github:approve') };
      const exceptions = { 'identity-1002': [exception('deploy-review')] };
      const requireException = simulate({}, { sodRules: [{ ...deployReview, action: 'require-exception' }] }, [ada], holdings, exceptions);
      expect(requireException.newViolations).toBe(0);
      const block = simulate({}, { sodRules: [deployReview] }, [ada], holdings, exceptions);
      expect(block.newViolations).toBe(1);
    });
  });

  it('given subjects from a generator, when simulated, then they are read once', () => {
    let reads = 0;
    function* people() {
      reads++;
      yield ada;
      yield bob;
    }
    const result = simulateDraft({
      current: null,
      draft: compiled({ birthrightRules: [everyone] }),
      subjects: people(),
      heldOf: () => [],
      exceptionsOf: () => [],
      now: NOW,
    });
    expect(result.identities).toBe(2);
    expect(reads).toBe(1);
  });
});

describe('compareEmployeeNumbers', () => {
  it('orders digits numerically (leading zeros aside) and anything else by code unit', () => {
    expect(['1000', '999', '0998', 'E10', 'E9', '42'].sort(compareEmployeeNumbers)).toEqual(['42', '0998', '999', '1000', 'E10', 'E9']);
  });
});
