import type { AccessPolicy, AutoApproval } from '../model/policy-set';
import { accessPolicy, compiled, exception, held, ref, request, sodRule, subject } from '../testing/policy-fixtures';
import type { PeerAdoption } from './decision-types';
import { evaluateRequest } from './evaluate-request';

const DEFAULT = accessPolicy('default', { kind: 'default' }, { name: 'Default' });
const AWS = accessPolicy('aws', { kind: 'application', application: 'aws' }, { name: 'AWS', maxDurationHours: 8 });
const PRODUCTION = accessPolicy(
  'production',
  { kind: 'entitlement', entitlement: ref('aws:prod-admin') },
  {
    name: 'Production access',
    maxDurationHours: 4,
    risk: 'high',
    breakGlass: true,
    approvalChain: [{ kind: 'manager' }, { kind: 'entitlement-owner' }, { kind: 'group', group: 'prod-approvers', approvals: 2 }],
  },
);
const APPROVERS = { id: 'prod-approvers', name: 'Production approvers', members: ['1001', '1004', '1005'] };

function policyWith(...policies: AccessPolicy[]) {
  return compiled({ accessPolicies: policies, approverGroups: [APPROVERS] }, 3);
}

const standard = policyWith(DEFAULT, AWS, PRODUCTION);

describe('evaluateRequest', () => {
  describe('which access policy applies', () => {
    it('given policies for the entitlement, its application and the default, when evaluated, then the entitlement policy wins', () => {
      expect(evaluateRequest(standard, request('aws:prod-admin'))).toMatchObject({
        policyId: 'production',
        policyName: 'Production access',
        risk: 'high',
      });
    });

    it('given no entitlement policy, when evaluated, then the application policy applies, else the default', () => {
      expect(evaluateRequest(standard, request('aws:billing-read')).policyId).toBe('aws');
      expect(evaluateRequest(standard, request('github:triage')).policyId).toBe('default');
    });

    it('given no applicable policy, when evaluated, then it cannot be requested and says why', () => {
      const decision = evaluateRequest(policyWith(AWS), request('github:triage'));
      expect(decision).toMatchObject({
        allowed: false,
        policyId: null,
        policyName: null,
        risk: null,
        maxDurationHours: null,
        approvalChain: [],
      });
      expect(decision.reasons).toEqual([
        'No access policy covers github:triage (none for the entitlement, none for application github, no default policy): it cannot be requested.',
      ]);
    });

    it('given the applicable policy is not requestable, when evaluated, then it is refused naming the policy', () => {
      const closed = policyWith(DEFAULT, { ...AWS, requestable: false });
      expect(evaluateRequest(closed, request('aws:billing-read')).reasons).toEqual([
        'Access policy "AWS" (aws), the policy for application aws, makes aws:billing-read not requestable.',
      ]);
    });
  });

  describe('who it is for and who asks', () => {
    it.each([
      ['pre-hire', '1002 is not started yet (pre-hire): only active people can get access by request.'],
      ['on-leave', '1002 is on leave: only active people can get access by request.'],
      ['terminated', '1002 is terminated: only active people can get access by request.'],
    ] as const)('given a person who is %s, when evaluated, then it is refused', (status, reason) => {
      const decision = evaluateRequest(standard, request('github:triage', { subject: subject({ status }) }));
      expect(decision).toMatchObject({ allowed: false, reasons: [reason] });
    });

    it('given the direct manager or a manager further up asks, when evaluated, then it is allowed and says who asked', () => {
      const byManager = evaluateRequest(standard, request('github:triage', { requesterEmployeeNumber: '1004' }));
      expect(byManager.allowed).toBe(true);
      expect(byManager.reasons).toContain('1004 requests it for 1002, who reports to them directly.');
      expect(evaluateRequest(standard, request('github:triage', { requesterEmployeeNumber: '1001' })).reasons).toContain(
        '1001 requests it for 1002, who reports to them through others.',
      );
    });

    it('given a colleague who is not a manager above the person asks, when evaluated, then it is refused', () => {
      expect(evaluateRequest(standard, request('github:triage', { requesterEmployeeNumber: '1003' }))).toMatchObject({
        allowed: false,
        reasons: ['1003 may not request access for 1002: only the person or a manager above them (1004, 1001) can.'],
      });
    });

    it('given requestableBy that the person does not meet, when evaluated, then the reason shows the condition', () => {
      const financeOnly = policyWith({ ...DEFAULT, requestableBy: { op: 'equals', attribute: 'department', value: 'Finance' } });
      expect(evaluateRequest(financeOnly, request('erp:read')).reasons).toEqual([
        '1002 is not among who may request it under access policy "Default" (default): department = "Finance".',
      ]);
    });

    it('given requestableBy that the person meets, when evaluated, then the reason shows what matched', () => {
      const seniors = policyWith({ ...DEFAULT, requestableBy: { op: 'prefix', attribute: 'title', value: 'Senior' } });
      const decision = evaluateRequest(seniors, request('erp:read'));
      expect(decision.allowed).toBe(true);
      expect(decision.reasons).toContain('1002 may request it: title starts with "Senior" (is "Senior Engineer").');
    });

    it('given the person already holds it, when evaluated, then it is refused', () => {
      expect(evaluateRequest(standard, request('github:triage', { held: held('github:triage') })).reasons).toEqual([
        '1002 already holds github:triage.',
      ]);
    });

    it('given several problems at once, when evaluated, then every reason is listed in a fixed order', () => {
      const decision = evaluateRequest(
        policyWith({ ...DEFAULT, requestable: false }),
        request('github:triage', {
          subject: subject({ status: 'on-leave' }),
          requesterEmployeeNumber: '1003',
          durationHours: 0,
          held: held('github:triage'),
        }),
      );
      expect(decision.reasons).toEqual([
        'Access policy "Default" (default), the default policy, makes github:triage not requestable.',
        '1002 is on leave: only active people can get access by request.',
        '1003 may not request access for 1002: only the person or a manager above them (1004, 1001) can.',
        '1002 already holds github:triage.',
        'The requested duration (0 hours) must be more than 0 hours.',
      ]);
    });
  });

  describe('duration', () => {
    it('given a request longer than the maximum, when evaluated, then it is allowed but capped, and says so', () => {
      const decision = evaluateRequest(standard, request('aws:prod-admin', { durationHours: 8 }));
      expect(decision).toMatchObject({ allowed: true, maxDurationHours: 4, grantedDurationHours: 4 });
      expect(decision.reasons).toContain("Requested 8 hours, capped to the policy's maximum of 4 hours.");
    });

    it('given a request within the maximum, when evaluated, then it gets what it asked for', () => {
      const decision = evaluateRequest(standard, request('aws:prod-admin', { durationHours: 2 }));
      expect(decision.grantedDurationHours).toBe(2);
      expect(decision.reasons).toContain('Granted for 2 hours as requested (maximum 4 hours).');
    });

    it('given no end requested, when evaluated, then it gets the maximum, or no end when there is no maximum', () => {
      expect(evaluateRequest(standard, request('aws:prod-admin', { durationHours: null })).grantedDurationHours).toBe(4);
      const unlimited = evaluateRequest(standard, request('github:triage', { durationHours: null }));
      expect(unlimited).toMatchObject({ allowed: true, maxDurationHours: null, grantedDurationHours: null });
      expect(unlimited.reasons).toContain('Granted without an end date: the policy sets no maximum duration.');
    });

    it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])(
      'given a duration of %s hours, when evaluated, then it is refused',
      (durationHours) => {
        const decision = evaluateRequest(standard, request('github:triage', { durationHours }));
        expect(decision).toMatchObject({ allowed: false, grantedDurationHours: null });
        expect(decision.reasons).toEqual([`The requested duration (${durationHours} hours) must be more than 0 hours.`]);
      },
    );
  });

  describe('approval chain', () => {
    it('given manager, owner and group steps, when evaluated, then each step is described for people', () => {
      const decision = evaluateRequest(standard, request('aws:prod-admin'));
      expect(decision.approvalChain.map((step) => step.description)).toEqual([
        "the subject's manager (1004)",
        "the entitlement's owner",
        '2 distinct members of Production approvers (group prod-approvers)',
      ]);
      expect(decision.reasons).toContain(
        "Needs approval from the subject's manager (1004), then the entitlement's owner, then 2 distinct members of Production approvers (group prod-approvers).",
      );
    });

    it('given an application-owner step, a one-approver group step and a person without a manager, when evaluated, then the words fit', () => {
      const policy = policyWith({
        ...DEFAULT,
        approvalChain: [{ kind: 'application-owner' }, { kind: 'group', group: 'prod-approvers', approvals: 1 }, { kind: 'manager' }],
      });
      const ceo = subject({ managerEmployeeNumber: null, managerChain: [] });
      expect(evaluateRequest(policy, request('github:triage', { subject: ceo })).approvalChain.map((step) => step.description)).toEqual([
        "the application's owner",
        'a member of Production approvers (group prod-approvers)',
        "the subject's manager (none on record: an administrator must decide)",
      ]);
    });

    it('given an empty chain, when evaluated, then no approval is needed', () => {
      expect(evaluateRequest(policyWith({ ...DEFAULT, approvalChain: [] }), request('github:triage')).reasons).toContain(
        'No approval required by the policy.',
      );
    });
  });

  describe('auto-approval', () => {
    const auto = (autoApproval: AutoApproval, risk: AccessPolicy['risk'] = 'low') =>
      policyWith({ ...DEFAULT, risk, maxDurationHours: 24, autoApproval });
    const lowRisk: AutoApproval = { maxRisk: 'low', minPeerShare: 0.5, peerGroup: 'department', maxDurationHours: 8 };
    const peers = (holding: number, total = 10, peerGroup: PeerAdoption['peerGroup'] = 'department'): PeerAdoption => ({
      peerGroup,
      peers: total,
      holding,
    });

    it('given low risk, enough peers and a short duration, when evaluated, then it is auto-approved with a reason per condition', () => {
      const decision = evaluateRequest(auto(lowRisk), request('github:triage', { peers: peers(6) }));
      expect(decision).toMatchObject({ allowed: true, autoApproved: true });
      expect(decision.autoApprovalReasons).toEqual([
        'Risk low is within the auto-approval limit (low).',
        '6 of 10 peers in the same department hold it (60%), at least the 50% auto-approval needs.',
        '4 hours is within the 8 hours auto-approval allows.',
      ]);
      expect(decision.reasons).toContain('Auto-approved: every auto-approval condition holds.');
    });

    it('given a risk above the limit, when evaluated, then people approve and the reason says why', () => {
      const decision = evaluateRequest(auto(lowRisk, 'medium'), request('github:triage', { peers: peers(6) }));
      expect(decision).toMatchObject({ allowed: true, autoApproved: false });
      expect(decision.autoApprovalReasons[0]).toBe('Risk medium is above the auto-approval limit (low).');
      expect(decision.reasons).toContain("Needs approval from the subject's manager (1004).");
    });

    it('given too few peers, unknown peers, or figures for another peer group, when evaluated, then it is not auto-approved', () => {
      const reasonFor = (input: PeerAdoption | null) => {
        const decision = evaluateRequest(auto(lowRisk), request('github:triage', { peers: input }));
        expect(decision.autoApproved).toBe(false);
        return decision.autoApprovalReasons[1];
      };
      expect(reasonFor(peers(4))).toBe('4 of 10 peers in the same department hold it (40%), below the 50% auto-approval needs.');
      expect(reasonFor(null)).toBe('Peer adoption is unknown: auto-approval needs 50% of peers in the same department to hold it.');
      expect(reasonFor(peers(9, 10, 'title'))).toBe(
        'Peer figures are for peers with the same title, but auto-approval counts peers in the same department.',
      );
      expect(reasonFor(peers(0, 0))).toBe('0 of 0 peers in the same department hold it (0%), below the 50% auto-approval needs.');
    });

    it('given a peer share of 0, when evaluated without peer figures, then peers are not needed', () => {
      const decision = evaluateRequest(auto({ ...lowRisk, minPeerShare: 0 }), request('github:triage'));
      expect(decision.autoApproved).toBe(true);
      expect(decision.autoApprovalReasons[1]).toBe('Peer adoption is not required.');
    });

    it('given a grant longer than auto-approval allows, or without an end, when evaluated, then it is not auto-approved', () => {
      const longer = evaluateRequest(auto(lowRisk), request('github:triage', { peers: peers(6), durationHours: 12 }));
      expect(longer.autoApproved).toBe(false);
      expect(longer.autoApprovalReasons[2]).toBe('12 hours is longer than the 8 hours auto-approval allows.');

      const endless = policyWith({ ...DEFAULT, risk: 'low', autoApproval: lowRisk });
      expect(evaluateRequest(endless, request('github:triage', { peers: peers(6), durationHours: null })).autoApprovalReasons[2]).toBe(
        'A grant without an end is longer than the 8 hours auto-approval allows.',
      );
    });

    it('given auto-approval without a duration limit, when evaluated, then any duration is fine', () => {
      const decision = evaluateRequest(
        auto({ ...lowRisk, maxDurationHours: null }),
        request('github:triage', { peers: peers(6), durationHours: 20 }),
      );
      expect(decision.autoApprovalReasons[2]).toBe('Auto-approval allows any duration.');
      expect(decision.autoApproved).toBe(true);
    });

    it('given a policy without auto-approval, when evaluated, then people approve', () => {
      expect(evaluateRequest(standard, request('github:triage')).autoApprovalReasons).toEqual([
        'The access policy has no auto-approval: people approve.',
      ]);
    });

    it('given a refused request that meets auto-approval, when evaluated, then it is not auto-approved', () => {
      const decision = evaluateRequest(auto(lowRisk), request('github:triage', { peers: peers(6), held: held('github:triage') }));
      expect(decision).toMatchObject({ allowed: false, autoApproved: false });
    });
  });

  describe('break-glass', () => {
    it('given a policy that allows break-glass, when asked, then it is allowed at once and the chain reviews it afterwards', () => {
      const decision = evaluateRequest(standard, request('aws:prod-admin', { breakGlass: true }));
      expect(decision).toMatchObject({ allowed: true, breakGlass: true });
      expect(decision.approvalChain).toHaveLength(3);
      expect(decision.reasons[decision.reasons.length - 1]).toMatch(
        /^Break-glass: granted at once; the subject's manager \(1004\), .* review it afterwards\.$/,
      );
    });

    it('given a policy that does not allow break-glass, when asked, then it is refused', () => {
      expect(evaluateRequest(standard, request('github:triage', { breakGlass: true }))).toMatchObject({
        allowed: false,
        breakGlass: false,
        reasons: ['Break-glass access is not allowed by access policy "Default" (default).'],
      });
    });
  });

  describe('separation of duties', () => {
    const deployReview = sodRule('deploy-review', ['aws:prod-admin'], ['github:approve'], { name: 'Deploy vs review' });
    const withSod = (action: 'block' | 'require-exception' | 'alert') =>
      compiled({ accessPolicies: [DEFAULT, PRODUCTION], approverGroups: [APPROVERS], sodRules: [{ ...deployReview, action }] });

    it('given a grant that would complete a blocking SoD conflict, when evaluated, then it is refused and the conflict listed', () => {
      const decision = evaluateRequest(withSod('block'), request('aws:prod-admin', { held: held('github:approve') }));
      expect(decision.allowed).toBe(false);
      expect(decision.sodConflicts.map((v) => [v.ruleId, v.blocking])).toEqual([['deploy-review', true]]);
      expect(decision.reasons).toEqual([
        'Granting aws:prod-admin would create a blocking SoD violation: SoD rule "Deploy vs review" (deploy-review, severity high) forbids holding First (aws:prod-admin) and Second (github:approve) together: blocked (no exception can waive it).',
      ]);
    });

    it('given break-glass, when the grant would complete a blocking conflict, then it is still refused', () => {
      expect(evaluateRequest(withSod('block'), request('aws:prod-admin', { held: held('github:approve'), breakGlass: true })).allowed).toBe(
        false,
      );
    });

    it('given require-exception with a valid exception, when evaluated, then it is allowed and the waived conflict listed', () => {
      const waiver = exception('deploy-review');
      const decision = evaluateRequest(
        withSod('require-exception'),
        request('aws:prod-admin', { held: held('github:approve'), exceptions: [waiver] }),
      );
      expect(decision.allowed).toBe(true);
      expect(decision.sodConflicts).toMatchObject([{ ruleId: 'deploy-review', blocking: false, exception: waiver }]);
      expect(
        decision.reasons.some((reason) => reason.startsWith('SoD: ') && reason.includes('waived by exception exception-deploy-review')),
      ).toBe(true);
    });

    it('given require-exception without a valid exception, when evaluated, then it is refused', () => {
      const expired = exception('deploy-review', { validUntil: '2020-01-01T00:00:00Z' });
      expect(
        evaluateRequest(withSod('require-exception'), request('aws:prod-admin', { held: held('github:approve'), exceptions: [expired] }))
          .allowed,
      ).toBe(false);
    });

    it('given an alert rule, when evaluated, then it is allowed and the alert listed', () => {
      const decision = evaluateRequest(withSod('alert'), request('aws:prod-admin', { held: held('github:approve') }));
      expect(decision.allowed).toBe(true);
      expect(decision.sodConflicts).toMatchObject([{ ruleId: 'deploy-review', action: 'alert', blocking: false }]);
    });

    it('given a violation among held entitlements that the request does not touch, when evaluated, then it is not the request’s conflict', () => {
      const policy = compiled({ accessPolicies: [DEFAULT], sodRules: [sodRule('old', ['erp:a'], ['erp:b'])] });
      const decision = evaluateRequest(policy, request('github:triage', { held: held('erp:a', 'erp:b') }));
      expect(decision).toMatchObject({ allowed: true, sodConflicts: [] });
    });
  });

  it('given an allowed request, when evaluated, then the reasons tell the whole story in order', () => {
    const decision = evaluateRequest(standard, request('aws:billing-read'));
    expect(decision).toMatchObject({ policyVersion: 3, identityId: 'identity-1002', entitlement: ref('aws:billing-read'), allowed: true });
    expect(decision.reasons).toEqual([
      'Access policy "AWS" (aws) applies: the policy for application aws.',
      '1002 requests it for themselves.',
      'Anyone active may request it.',
      'Granted for 4 hours as requested (maximum 8 hours).',
      "Needs approval from the subject's manager (1004).",
    ]);
  });
});
