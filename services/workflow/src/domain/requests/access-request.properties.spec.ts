import { DomainError } from '@tenure/event-sourcing';
import fc from 'fast-check';
import type { AccessRequestCommand } from './access-request.commands';
import { accessRequestDecider } from './access-request.decider';
import type { AccessRequestEvent } from './access-request.events';
import { allowedDecision, ESCALATION_MS, person, T0 } from './access-request.fixtures';
import { planApprovalChain } from './approver-resolution';

// A small organisation: 1 heads 2 and 3; 2 manages 4 and 5; 3 manages 6. The group holds 2, 4 and 6.
const MANAGERS: Record<string, string | null> = { '1': null, '2': '1', '3': '1', '4': '2', '5': '2', '6': '3' };
const PEOPLE = Object.keys(MANAGERS);
const directory = {
  managerOf: (employeeNumber: string) => MANAGERS[employeeNumber] ?? null,
  entitlementOwner: '4',
  applicationOwner: null,
  groupMembers: () => ['2', '4', '6'],
};
const CHAIN = [
  { step: { kind: 'manager' as const }, description: 'manager' },
  { step: { kind: 'entitlement-owner' as const }, description: 'owner' },
  { step: { kind: 'group' as const, group: 'g', approvals: 2 }, description: 'group' },
];

type Action =
  | { kind: 'request'; requester: string; subject: string }
  | { kind: 'approve' | 'deny' | 'cancel'; request: number; by: string }
  | { kind: 'administrator-approves'; request: number }
  | { kind: 'fulfil'; request: number }
  | { kind: 'terminate'; who: string };

const someone = fc.constantFrom(...PEOPLE);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), requester: someone, subject: someone }),
  fc.record({ kind: fc.constantFrom('approve' as const, 'deny' as const, 'cancel' as const), request: fc.nat(5), by: someone }),
  fc.record({ kind: fc.constant('administrator-approves' as const), request: fc.nat(5) }),
  fc.record({ kind: fc.constant('fulfil' as const), request: fc.nat(5) }),
  fc.record({ kind: fc.constant('terminate' as const), who: someone }),
);

interface Simulated {
  readonly subject: string;
  readonly requester: string;
  readonly events: AccessRequestEvent[];
}

/** Runs the actions as the application would (the leaver cancels and reassigns; policy refuses leavers); refusals are expected. */
function simulate(actions: readonly Action[]) {
  const requests: Simulated[] = [];
  const terminated = new Set<string>();
  const grantsAfterTermination: string[] = [];
  const run = (request: Simulated, command: AccessRequestCommand) => {
    const state = request.events.reduce(accessRequestDecider.evolve, accessRequestDecider.initialState());
    try {
      request.events.push(...accessRequestDecider.decide(command, state));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  const now = T0;
  for (const step of actions) {
    const target = 'request' in step ? requests[step.request % Math.max(requests.length, 1)] : undefined;
    switch (step.kind) {
      case 'request': {
        const mayAsk = step.requester === step.subject || MANAGERS[step.subject] === step.requester;
        const allowed = mayAsk && !terminated.has(step.subject);
        const chain = planApprovalChain(CHAIN, { requesterEmployeeNumber: step.requester, subjectEmployeeNumber: step.subject }, directory);
        const simulated: Simulated = { subject: step.subject, requester: step.requester, events: [] };
        requests.push(simulated);
        run(simulated, {
          type: 'RequestAccess',
          data: {
            requestId: `r${requests.length}`,
            identityId: `identity-${step.subject}`,
            subjectEmployeeNumber: step.subject,
            requesterEmployeeNumber: step.requester,
            applicationId: 'aws',
            entitlementKey: 'prod-admin',
            justification: 'because',
            requestedDurationHours: 2,
            breakGlass: false,
            extensionOf: null,
            decision: allowedDecision({ allowed }),
            chain,
            breakGlassMaxHours: 4,
            escalationMs: ESCALATION_MS,
            requestedAt: now,
          },
        });
        break;
      }
      case 'approve':
      case 'deny':
        if (target) {
          const by = person(step.by);
          run(
            target,
            step.kind === 'approve'
              ? { type: 'ApproveRequest', data: { by, comment: '', escalationMs: ESCALATION_MS, managers: MANAGERS, approvedAt: now } }
              : { type: 'DenyRequest', data: { by, comment: '', deniedAt: now } },
          );
        }
        break;
      case 'administrator-approves':
        if (target) {
          run(target, {
            type: 'ApproveRequest',
            data: { by: { kind: 'administrator' }, comment: '', escalationMs: ESCALATION_MS, managers: MANAGERS, approvedAt: now },
          });
        }
        break;
      case 'cancel':
        if (target) run(target, { type: 'CancelRequest', data: { by: person(step.by), reason: null, cancelledAt: now } });
        break;
      case 'fulfil':
        if (target) {
          const before = target.events.length;
          // No check of the subject here: the leaver's cancellation alone must keep leavers from being granted.
          run(target, { type: 'RecordGrant', data: { assignmentId: `a-${target.subject}`, grantedAt: now } });
          if (terminated.has(target.subject) && target.events.slice(before).some((event) => event.type === 'AccessGranted')) {
            grantsAfterTermination.push(target.subject);
          }
        }
        break;
      case 'terminate':
        terminated.add(step.who);
        for (const request of requests) {
          if (request.subject === step.who) {
            run(request, { type: 'CancelRequest', data: { by: { kind: 'process', id: 'leaver' }, reason: 'leaver', cancelledAt: now } });
          }
          run(request, {
            type: 'ReassignLeaverApprovals',
            data: { leaver: step.who, replacement: MANAGERS[step.who] ?? null, reassignedAt: now },
          });
        }
        break;
    }
  }
  return { requests, grantsAfterTermination };
}

describe('access requests: properties', () => {
  it('given any interleaving of requests, approvals, denials, cancellations and terminations, then no request is approved by its requester or subject', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        for (const request of simulate(actions).requests) {
          for (const event of request.events) {
            if (event.type !== 'ApprovalGiven' || event.data.by.kind !== 'person') continue;
            expect([request.requester, request.subject]).not.toContain(event.data.by.employeeNumber);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('given any interleaving, then nobody approves two steps of one request, and no step counts one person twice', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        for (const request of simulate(actions).requests) {
          const approvers = request.events.flatMap((event) =>
            event.type === 'ApprovalGiven' && event.data.by.kind === 'person' ? [event.data.by.employeeNumber] : [],
          );
          expect(new Set(approvers).size).toBe(approvers.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('given any interleaving, then no request of a terminated identity is granted after the termination', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        expect(simulate(actions).grantsAfterTermination).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('given any interleaving, then a request is approved only once every step has its approvals, or by policy', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        for (const request of simulate(actions).requests) {
          const state = request.events.reduce(accessRequestDecider.evolve, accessRequestDecider.initialState());
          if (state.status === 'none' || state.how !== 'approvals') continue;
          for (const step of state.steps) expect(step.status).toBe('approved');
        }
      }),
      { numRuns: 500 },
    );
  });
});
