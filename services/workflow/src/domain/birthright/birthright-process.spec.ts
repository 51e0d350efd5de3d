import type { PublishedIdentityStatus } from '@tenure/contracts';
import type { BirthrightDecision } from '@tenure/policy-decisions';
import { assignmentsDecider, type AssignmentsEvent } from '../assignments';
import type { ProcessOutcome } from '../process-outcome';
import { decideBirthright, type BirthrightFacts, type BirthrightInput } from './birthright-process';

const IDENTITY = 'identity-1';
const NOW = new Date('2026-05-11T08:00:00.000Z');
const REEVALUATE: BirthrightInput = { type: 'ReevaluateBirthright' };

/** Birthright as the policy library decides it: entitlement key "application:entitlement" → granting rule ids. */
function birthright(policyVersion: number, grants: Record<string, readonly string[]>): BirthrightDecision {
  return {
    policyVersion,
    identityId: IDENTITY,
    entitlements: Object.entries(grants).map(([key, ruleIds]) => {
      const [application, entitlement] = key.split(':') as [string, string];
      return {
        entitlement: { application, entitlement },
        reasons: ruleIds.map((ruleId) => ({ ruleId, ruleName: ruleId, roleId: null, roleName: null, matched: [] })),
      };
    }),
  };
}

const added = (assignmentId: string, key: string, kind: 'birthright' | 'request' = 'birthright'): AssignmentsEvent => {
  const [applicationId, entitlementKey] = key.split(':') as [string, string];
  return {
    type: 'AssignmentAdded',
    data: {
      assignmentId,
      identityId: IDENTITY,
      applicationId,
      entitlementKey,
      source: { kind, reference: kind === 'birthright' ? 'everyone' : 'request-1', policyVersion: 1 },
      validFrom: '2026-05-01T08:00:00.000Z',
      validUntil: null,
    },
  };
};
const terminated = (identityRevision: number): AssignmentsEvent => ({
  type: 'IdentityMarkedTerminated',
  data: { identityId: IDENTITY, identityRevision, terminatedAt: '2026-05-05T08:00:00.000Z' },
});

/** given the identity's assignment events and what workflow knows, when the input arrives, then this outcome. */
function given(
  events: readonly AssignmentsEvent[],
  known: { status: PublishedIdentityStatus | null; birthright?: BirthrightDecision | null },
) {
  let next = 0;
  const facts: BirthrightFacts = {
    identityId: IDENTITY,
    status: known.status,
    birthright: known.birthright ?? null,
    assignments: events.reduce(assignmentsDecider.evolve, assignmentsDecider.initialState()),
    now: NOW,
    ids: { newId: () => `new-${++next}` },
  };
  return {
    when: (input: BirthrightInput) => ({ then: (outcome: ProcessOutcome) => expect(decideBirthright(input, facts)).toEqual(outcome) }),
  };
}

const addition = (assignmentId: string, key: string, reference: string, policyVersion: number) => {
  const [applicationId, entitlementKey] = key.split(':') as [string, string];
  return {
    type: 'AddAssignment',
    data: {
      assignmentId,
      identityId: IDENTITY,
      applicationId,
      entitlementKey,
      source: { kind: 'birthright', reference, policyVersion },
      validFrom: NOW.toISOString(),
      validUntil: null,
      durationMs: null,
      sodBlocking: [],
    },
  } as const;
};
const revocation = (assignmentId: string) =>
  ({ type: 'RevokeAssignment', data: { assignmentId, reason: 'no-longer-birthright', revokedAt: NOW.toISOString() } }) as const;

describe('birthright process: joiner', () => {
  it('given an active identity with nothing assigned, when its birthright is evaluated, then each entitlement is assigned with its rules and version', () => {
    given([], {
      status: 'active',
      birthright: birthright(3, { 'mail:mailbox': ['everyone'], 'github:org-member': ['engineering', 'everyone'] }),
    })
      .when(REEVALUATE)
      .then({
        kind: 'commands',
        commands: [addition('new-1', 'mail:mailbox', 'everyone', 3), addition('new-2', 'github:org-member', 'engineering,everyone', 3)],
      });
  });

  it('given a pre-hire, when its birthright is evaluated, then nothing is assigned before activation', () => {
    given([], { status: 'pre-hire', birthright: birthright(1, { 'mail:mailbox': ['everyone'] }) })
      .when(REEVALUATE)
      .then({ kind: 'ignored', reason: 'pre-hire: birthright is assigned at activation' });
  });

  it('given no policy published yet, when an active identity is evaluated, then nothing is assigned', () => {
    given([], { status: 'active', birthright: null }).when(REEVALUATE).then({ kind: 'ignored', reason: 'no valid policy published yet' });
  });

  it('given an identity workflow does not know yet, when it is evaluated, then nothing is assigned', () => {
    given([], { status: null }).when(REEVALUATE).then({ kind: 'ignored', reason: 'not known to workflow yet' });
  });
});

describe('birthright process: mover and policy change', () => {
  it('given birthright assigned, when it is evaluated again unchanged, then nothing is asked (a replay adds nothing)', () => {
    given([added('a1', 'mail:mailbox')], { status: 'active', birthright: birthright(2, { 'mail:mailbox': ['everyone'] }) })
      .when(REEVALUATE)
      .then({ kind: 'ignored', reason: 'birthright under policy version 2 is assigned already' });
  });

  it('given birthright that no longer applies, when evaluated, then it is revoked first and the new birthright added', () => {
    given([added('a1', 'mail:mailbox'), added('a2', 'github:org-member')], {
      status: 'active',
      birthright: birthright(2, { 'mail:mailbox': ['everyone'], 'erp:create-vendor': ['finance'] }),
    })
      .when(REEVALUATE)
      .then({ kind: 'commands', commands: [revocation('a2'), addition('new-1', 'erp:create-vendor', 'finance', 2)] });
  });

  it('given access from a request, when it is no birthright, then it stays; when it becomes birthright, then it is not assigned twice', () => {
    given([added('a1', 'aws:production-admin', 'request')], { status: 'active', birthright: birthright(2, {}) })
      .when(REEVALUATE)
      .then({ kind: 'ignored', reason: 'birthright under policy version 2 is assigned already' });
    given([added('a1', 'aws:production-admin', 'request')], {
      status: 'active',
      birthright: birthright(2, { 'aws:production-admin': ['sre'] }),
    })
      .when(REEVALUATE)
      .then({ kind: 'ignored', reason: 'birthright under policy version 2 is assigned already' });
  });

  it('given someone on leave, when a move or a new version changes their birthright, then it applies as for anyone active', () => {
    given([added('a1', 'github:org-member')], { status: 'on-leave', birthright: birthright(2, { 'mail:mailbox': ['everyone'] }) })
      .when(REEVALUATE)
      .then({ kind: 'commands', commands: [revocation('a1'), addition('new-1', 'mail:mailbox', 'everyone', 2)] });
  });
});

describe('birthright process: leaver and rehire', () => {
  it('given assignments, when the identity is terminated, then the assignments are told the identity left (at that identity revision)', () => {
    given([added('a1', 'mail:mailbox')], { status: 'terminated' })
      .when({ type: 'IdentityTerminated', identityRevision: 7 })
      .then({
        kind: 'commands',
        commands: [
          { type: 'MarkIdentityTerminated', data: { identityId: IDENTITY, identityRevision: 7, terminatedAt: NOW.toISOString() } },
        ],
      });
  });

  it('given the termination applied, when it is read again, then it is ignored', () => {
    given([terminated(7)], { status: 'terminated' })
      .when({ type: 'IdentityTerminated', identityRevision: 7 })
      .then({ kind: 'ignored', reason: 'lifecycle revision 7 already applied' });
  });

  it('given a terminated identity, when its birthright is evaluated, then the leaver has it: nothing is revoked as "no longer birthright"', () => {
    given([added('a1', 'mail:mailbox')], { status: 'terminated', birthright: birthright(2, {}) })
      .when(REEVALUATE)
      .then({ kind: 'ignored', reason: 'terminated: the leaver revokes everything' });
  });

  it('given a terminated identity, when it is rehired, then the termination is lifted', () => {
    given([terminated(7)], { status: 'pre-hire' })
      .when({ type: 'IdentityRehired', identityRevision: 8 })
      .then({
        kind: 'commands',
        commands: [{ type: 'MarkIdentityRehired', data: { identityId: IDENTITY, identityRevision: 8, rehiredAt: NOW.toISOString() } }],
      });
  });

  it('given a termination not lifted yet, when the directory already shows the rehired person active, then nothing is assigned until the rehire', () => {
    given([terminated(7)], { status: 'active', birthright: birthright(2, { 'mail:mailbox': ['everyone'] }) })
      .when(REEVALUATE)
      .then({ kind: 'ignored', reason: 'terminated here until the rehire is processed' });
  });

  it('given an identity never terminated here, when a rehire arrives, then there is nothing to lift', () => {
    given([], { status: 'pre-hire' })
      .when({ type: 'IdentityRehired', identityRevision: 3 })
      .then({ kind: 'ignored', reason: 'not terminated here: nothing to lift' });
  });
});
