import type { BirthrightDecision } from '@tenure/policy-decisions';
import { assignmentsDecider, type AssignmentsEvent, type SodBlock } from '../assignments';
import { birthrightChanges, decideBirthright, type BirthrightFacts } from './birthright-process';

const IDENTITY = 'identity-1';
const NOW = new Date('2026-05-11T08:00:00.000Z');

const BLOCK: SodBlock = { ruleId: 'vendor-payment', ruleName: 'Vendor creation vs payment approval', explanation: 'blocked' };

function birthright(keys: readonly string[]): BirthrightDecision {
  return {
    policyVersion: 2,
    identityId: IDENTITY,
    entitlements: keys.map((key) => {
      const [application, entitlement] = key.split(':') as [string, string];
      return {
        entitlement: { application, entitlement },
        reasons: [{ ruleId: 'finance', ruleName: 'finance', roleId: null, roleName: null, matched: [] }],
      };
    }),
  };
}

const heldBirthright = (assignmentId: string, key: string): AssignmentsEvent => {
  const [applicationId, entitlementKey] = key.split(':') as [string, string];
  return {
    type: 'AssignmentAdded',
    data: {
      assignmentId,
      identityId: IDENTITY,
      applicationId,
      entitlementKey,
      source: { kind: 'birthright', reference: 'everyone', policyVersion: 1 },
      validFrom: '2026-05-01T08:00:00.000Z',
      validUntil: null,
    },
  };
};

function facts(events: readonly AssignmentsEvent[], keys: readonly string[], sodBlocks?: Map<string, SodBlock[]>): BirthrightFacts {
  return {
    identityId: IDENTITY,
    status: 'active',
    birthright: birthright(keys),
    assignments: events.reduce(assignmentsDecider.evolve, assignmentsDecider.initialState()),
    now: NOW,
    ids: { newId: () => 'new-1' },
    ...(sodBlocks ? { sodBlocks } : {}),
  };
}

describe('birthright process: preventive SoD', () => {
  it('given the gate blocks one new birthright entitlement, when re-evaluated, then that one is raised to administrators and the rest assigned', () => {
    const outcome = decideBirthright(
      { type: 'ReevaluateBirthright' },
      facts([], ['erp:payment-approve', 'mail:mailbox'], new Map([['erp/payment-approve', [BLOCK]]])),
    );

    expect(outcome).toEqual({
      kind: 'commands',
      commands: [
        {
          type: 'RecordAssignmentBlocked',
          data: {
            identityId: IDENTITY,
            applicationId: 'erp',
            entitlementKey: 'payment-approve',
            source: { kind: 'birthright', reference: 'finance', policyVersion: 2 },
            rules: [BLOCK],
            blockedAt: NOW.toISOString(),
          },
        },
        expect.objectContaining({ type: 'AddAssignment', data: expect.objectContaining({ applicationId: 'mail', sodBlocking: [] }) }),
      ],
    });
  });

  it('given a block standing for the same rules, when re-evaluated again, then the decider records nothing new', () => {
    const state = facts([], ['erp:payment-approve'], new Map([['erp/payment-approve', [BLOCK]]]));
    const outcome = decideBirthright({ type: 'ReevaluateBirthright' }, state);
    if (outcome.kind !== 'commands') throw new Error('expected commands');
    const first = assignmentsDecider.decide(outcome.commands[0]!, state.assignments);
    const after = first.reduce(assignmentsDecider.evolve, state.assignments);

    expect(first.map((event) => event.type)).toEqual(['AssignmentBlocked']);
    expect(assignmentsDecider.decide(outcome.commands[0]!, after)).toEqual([]);
  });

  it('given birthright held and birthright gone, when the changes are asked, then the gate is asked about the additions only', () => {
    const changes = birthrightChanges(
      birthright(['mail:mailbox', 'erp:payment-approve']),
      facts([heldBirthright('a-1', 'mail:mailbox'), heldBirthright('a-2', 'erp:vendor-create')], []).assignments,
    );

    expect(changes.revocations.map((assignment) => assignment.assignmentId)).toEqual(['a-2']);
    expect(changes.additions.map((granted) => granted.entitlement.entitlement)).toEqual(['payment-approve']);
  });
});
