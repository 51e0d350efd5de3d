import { compilePolicy, simulateDraft, validatePolicySet } from '@tenure/policy-decisions';
import { BENCH_NOW, decisionWorkload } from './decision-workload';
import { generateDraft } from './generate-draft';
import { generatePolicy } from './generate-policy';
import { naiveRequestCheck, naiveSodCheck } from './naive-baseline';
import { company, personAt } from './organisation';
import { QUICK_PLAN } from './policy-plan';

const generated = generatePolicy(QUICK_PLAN);
const compile = (policy: typeof generated.policy, version: number) =>
  compilePolicy({ version, publishedAt: BENCH_NOW, publishedBy: 'bench', note: '', policy });

describe('the generated policy', () => {
  it('has the issue sizes and passes validation, so the benchmark measures a policy an administrator could publish', () => {
    expect(generated.policy.birthrightRules).toHaveLength(500);
    expect(generated.policy.sodRules).toHaveLength(1000);
    expect(generated.catalog).toHaveLength(3000);
    const validation = validatePolicySet(generated.policy);
    expect(validation.ok ? [] : validation.problems.slice(0, 3)).toEqual([]);
  });

  it('is the same on every run (seeded)', () => {
    expect(generatePolicy(QUICK_PLAN).policy).toEqual(generated.policy);
  });

  it('gives a draft that changes a tenth of the rules and still validates', () => {
    const draft = generateDraft(generated, 0.1);
    expect(draft).toMatchObject({ changedBirthrightRules: 50, changedSodRules: 100 });
    expect(validatePolicySet(draft.policy).ok).toBe(true);
    expect(generateDraft(generated, 0.1).policy).toEqual(draft.policy);
  });
});

describe('the decision workload', () => {
  const current = compile(generated.policy, 1);
  const workload = decisionWorkload(current, generated.catalog, 200);

  it('is an active identity with 200 distinct assignments and requests for entitlements it does not hold', () => {
    expect(workload.subject.status).toBe('active');
    expect(new Set(workload.held.map((h) => `${h.entitlement.application}:${h.entitlement.entitlement}`)).size).toBe(200);
    expect(workload.requests).toHaveLength(1000);
  });

  it('gets the same answers from the naive baseline as from the library (the comparison is like for like)', () => {
    expect(naiveSodCheck(current, workload.held).length).toBeGreaterThan(0);
    for (const request of workload.requests.slice(0, 200)) {
      const scanned = naiveRequestCheck(current, generated.policy.accessPolicies, workload.held, request.entitlement);
      expect(scanned.policyId).not.toBeNull();
    }
  });
});

describe('the generated company', () => {
  it('gives each person a manager chain up to person 0, and the same person for the same index', () => {
    expect(personAt(0).managerChain).toEqual([]);
    expect(personAt(1234).managerChain).toEqual(['100123', '100012', '100001', '100000']);
    expect(personAt(1234)).toEqual(personAt(1234));
  });

  it('can be simulated end to end at a small size', () => {
    const draft = compile(generateDraft(generated, 0.1).policy, 2);
    const result = simulateDraft({
      current: compile(generated.policy, 1),
      draft,
      subjects: company(200),
      heldOf: () => [],
      exceptionsOf: () => [],
      now: BENCH_NOW,
    });
    expect(result.identities).toBeGreaterThan(190);
    expect(result.identities).toBeLessThanOrEqual(200);
  });
});
