import type { PublishedOperationOutcome } from '@tenure/contracts';
import { DomainError, type IdGenerator } from '@tenure/event-sourcing';
import { evaluateRequest } from '@tenure/policy-decisions';
import { assignmentsDecider, decideExpiry, isHeld, type AssignmentsEvent, type AssignmentsState } from '../assignments';
import { assignableBirthright, decideBirthright, type BirthrightInput } from '../birthright';
import { commands, ignored, type ProcessOutcome } from '../process-outcome';
import { decideOperationOutcome } from '../provisioning';
import {
  accessRequestDecider,
  openStep,
  planApprovalChain,
  recordedDecision,
  type AccessRequestCommand,
  type AccessRequestEvent,
  type AccessRequestState,
  type KnownRequest,
  type RequestParty,
} from '../requests';
import {
  COMPILED_POLICY,
  DEPARTMENTS,
  ENTITLEMENT_OWNER,
  GROUP_MEMBERS,
  identityIdOf,
  MANAGERS,
  PEOPLE,
  REQUESTABLE,
  subjectOf,
  type Department,
} from './workflow-organisation';

// The workflow service in memory, for the property test: the pure deciders composed the way the
// application layer composes them (application/*), with every follower as a cursor over one shared
// log, so a generated run interleaves people, HR, the connector, the clock and the processes in any
// order the real service could see them.

export type ProcessName = 'birthright' | 'request-leaver' | 'request-fulfilment' | 'connector' | 'provisioning-tracker';
export const PROCESSES: readonly ProcessName[] = [
  'birthright',
  'request-leaver',
  'request-fulfilment',
  'connector',
  'provisioning-tracker',
];

/** `@requester`, `@subject`: the request's own parties; `@awaited`: someone its open step waits for. */
export type Decider = string;

export type Action =
  | { readonly kind: 'activate' | 'terminate' | 'rehire'; readonly who: string }
  | { readonly kind: 'move'; readonly who: string; readonly department: Department }
  | {
      readonly kind: 'request';
      readonly requester: string;
      readonly subject: string;
      readonly entitlement: number;
      readonly breakGlass: boolean;
      readonly hours: number;
    }
  | { readonly kind: 'approve' | 'deny' | 'cancel'; readonly request: number; readonly by: Decider; readonly awaited: number }
  | { readonly kind: 'administrator-approves'; readonly request: number }
  | { readonly kind: 'connector-completes'; readonly operation: number; readonly succeeds: boolean }
  | { readonly kind: 'process'; readonly process: ProcessName; readonly steps: number }
  | { readonly kind: 'settle' }
  | { readonly kind: 'advance'; readonly minutes: number }
  | { readonly kind: 'expire' };

type IdentityEventType = 'IdentityActivated' | 'IdentityMoved' | 'IdentityTerminated' | 'IdentityRehired';

type LogEntry =
  | { readonly kind: 'identity'; readonly type: IdentityEventType; readonly employeeNumber: string; readonly revision: number }
  | { readonly kind: 'request'; readonly event: AccessRequestEvent }
  | { readonly kind: 'assignments'; readonly identityId: string; readonly event: AssignmentsEvent }
  | { readonly kind: 'outcome'; readonly outcome: PublishedOperationOutcome };

interface Person {
  status: 'pre-hire' | 'active' | 'terminated';
  department: Department;
  revision: number;
}

interface Operation {
  readonly operationId: string;
  readonly action: 'grant' | 'revoke';
  readonly identityId: string;
  readonly assignmentId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
}

const HOUR_MS = 3_600_000;
const LEAVER_PARTY: RequestParty = { kind: 'process', id: 'workflow-request-leaver' };

export class WorkflowWorld {
  now = new Date('2026-06-01T08:00:00.000Z');
  readonly directory = new Map<string, Person>();
  readonly assignments = new Map<string, AssignmentsState>();
  readonly requests = new Map<string, AccessRequestEvent[]>();
  readonly log: LogEntry[] = [];
  /** Operations the connector planned and has not completed (a failed one stays: an administrator may retry it). */
  readonly outstanding: Operation[] = [];
  /** A process whose decision the deciders refused: the real follower would retry and stop there. */
  readonly processFailures: string[] = [];
  /** Requests granted to someone terminated after the request was made (by the HR events appended when each happened). */
  readonly grantedAcrossTermination: string[] = [];
  private readonly terminations = new Map<string, number>();
  private readonly terminationsAtRequest = new Map<string, number>();
  private readonly cursors = new Map<ProcessName, number>(PROCESSES.map((process) => [process, 0]));
  private sequence = 0;
  readonly ids: IdGenerator = { newId: () => `id-${++this.sequence}` };

  constructor() {
    // Everyone hired and activated, the activations not yet read by any process.
    PEOPLE.forEach((employeeNumber, i) => {
      this.directory.set(employeeNumber, { status: 'pre-hire', department: DEPARTMENTS[i % DEPARTMENTS.length]!, revision: 0 });
      this.identityEvent(employeeNumber, 'IdentityActivated', 'active');
    });
  }

  apply(action: Action): void {
    // Every action happens a moment after the previous one, as in the service (times order decisions).
    this.now = new Date(this.now.getTime() + 1);
    switch (action.kind) {
      case 'activate':
        if (this.person(action.who).status === 'pre-hire') this.identityEvent(action.who, 'IdentityActivated', 'active');
        return;
      case 'move': {
        const person = this.person(action.who);
        if (person.status === 'terminated' || person.department === action.department) return;
        person.department = action.department;
        return this.identityEvent(action.who, 'IdentityMoved', person.status);
      }
      case 'terminate':
        if (this.person(action.who).status !== 'terminated') this.identityEvent(action.who, 'IdentityTerminated', 'terminated');
        return;
      case 'rehire':
        if (this.person(action.who).status === 'terminated') this.identityEvent(action.who, 'IdentityRehired', 'pre-hire');
        return;
      case 'request':
        return this.request(action);
      case 'approve':
      case 'deny':
      case 'cancel':
        return this.personDecides(action);
      case 'administrator-approves': {
        const requestId = this.requestAt(action.request);
        if (requestId) this.approve(requestId, { kind: 'administrator' });
        return;
      }
      case 'connector-completes':
        return this.connectorCompletes(action.operation, action.succeeds);
      case 'process':
        for (let i = 0; i < action.steps; i++) this.step(action.process);
        return;
      case 'settle':
        return this.drain();
      case 'advance':
        return this.advance(action.minutes * 60_000);
      case 'expire':
        return this.expire();
    }
  }

  /** Every process reads the log to its end (the connector plans, but completes nothing by itself). */
  drain(): void {
    while (PROCESSES.some((process) => this.step(process))) {
      // until no process has anything left to read
    }
  }

  /** The connector completes everything it planned (and the tracker reads it). */
  completeEverything(): void {
    this.drain();
    while (this.outstanding.length > 0) {
      this.connectorCompletes(0, true);
      this.drain();
    }
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  /** The expiry timer worker: every timer due by now fires (the projection schedules one per known validUntil). */
  expire(): void {
    for (const [identityId, state] of this.assignments) {
      for (const assignment of Object.values(state.assignments)) {
        if (!isHeld(assignment) || assignment.validUntil === null || Date.parse(assignment.validUntil) > this.now.getTime()) continue;
        this.runProcess('expiry', () => this.write(identityId, (current) => decideExpiry(assignment.assignmentId, current, this.now)));
      }
    }
  }

  assignmentsOf(identityId: string): AssignmentsState {
    return this.assignments.get(identityId) ?? assignmentsDecider.initialState();
  }

  requestState(requestId: string): AccessRequestState {
    return (this.requests.get(requestId) ?? []).reduce(accessRequestDecider.evolve, accessRequestDecider.initialState());
  }

  person(employeeNumber: string): Person {
    return this.directory.get(employeeNumber)!;
  }

  // --- HR (the identity service): the directory copy changes at once, the processes read the event later.

  private identityEvent(employeeNumber: string, type: IdentityEventType, status: Person['status']): void {
    const person = this.person(employeeNumber);
    person.status = status;
    person.revision += 1;
    if (type === 'IdentityTerminated') this.terminations.set(employeeNumber, (this.terminations.get(employeeNumber) ?? 0) + 1);
    this.log.push({ kind: 'identity', type, employeeNumber, revision: person.revision });
  }

  // --- People, through application/requests/access-requests.ts.

  private request(action: Extract<Action, { kind: 'request' }>): void {
    const { applicationId, entitlementKey } = REQUESTABLE[action.entitlement % REQUESTABLE.length]!;
    const person = this.person(action.subject);
    const subject = subjectOf(action.subject, person.status, person.department);
    const identityId = identityIdOf(action.subject);
    const held = Object.values(this.assignmentsOf(identityId).assignments)
      .filter(isHeld)
      .map((assignment) => ({ entitlement: { application: assignment.applicationId, entitlement: assignment.entitlementKey } }));
    const decision = evaluateRequest(COMPILED_POLICY, {
      subject,
      requesterEmployeeNumber: action.requester,
      entitlement: { application: applicationId, entitlement: entitlementKey },
      durationHours: action.hours,
      breakGlass: action.breakGlass,
      held,
      exceptions: [],
      peers: null,
      now: this.now.toISOString(),
    });
    const plain = decision.allowed && !decision.autoApproved && !decision.breakGlass;
    const chain = plain
      ? planApprovalChain(
          decision.approvalChain,
          { requesterEmployeeNumber: action.requester, subjectEmployeeNumber: action.subject },
          {
            managerOf: (employeeNumber) => MANAGERS[employeeNumber] ?? null,
            entitlementOwner: ENTITLEMENT_OWNER,
            applicationOwner: null,
            groupMembers: () => GROUP_MEMBERS,
          },
        )
      : [];
    const requestId = `request-${this.requests.size + 1}`;
    this.requests.set(requestId, []);
    this.terminationsAtRequest.set(requestId, this.terminations.get(action.subject) ?? 0);
    this.runRequest(requestId, {
      type: 'RequestAccess',
      data: {
        requestId,
        identityId,
        subjectEmployeeNumber: action.subject,
        requesterEmployeeNumber: action.requester,
        applicationId,
        entitlementKey,
        justification: 'needed for the property test',
        requestedDurationHours: action.hours,
        breakGlass: action.breakGlass,
        extensionOf: null,
        decision: recordedDecision(decision),
        chain,
        breakGlassMaxHours: 2,
        escalationMs: 48 * HOUR_MS,
        requestedAt: this.now.toISOString(),
      },
    });
  }

  private personDecides(action: Extract<Action, { kind: 'approve' | 'deny' | 'cancel' }>): void {
    const requestId = this.requestAt(action.request);
    if (!requestId) return;
    const state = this.requestState(requestId) as KnownRequest;
    const by = this.deciderOf(action.by, action.awaited, state);
    if (by === null) return;
    const party: RequestParty = { kind: 'person', employeeNumber: by };
    const at = this.now.toISOString();
    if (action.kind === 'approve') return this.approve(requestId, party);
    if (action.kind === 'deny') this.runRequest(requestId, { type: 'DenyRequest', data: { by: party, comment: 'no', deniedAt: at } });
    else this.runRequest(requestId, { type: 'CancelRequest', data: { by: party, reason: null, cancelledAt: at } });
  }

  private approve(requestId: string, by: RequestParty): void {
    const state = this.requestState(requestId);
    if (state.status === 'none') return;
    const open = openStep(state);
    const next = open ? state.steps[open.index + 1] : undefined;
    const managers = Object.fromEntries((next?.approvers ?? []).map((person) => [person, MANAGERS[person] ?? null]));
    this.runRequest(requestId, {
      type: 'ApproveRequest',
      data: { by, comment: 'ok', escalationMs: 48 * HOUR_MS, managers, approvedAt: this.now.toISOString() },
    });
  }

  private deciderOf(by: Decider, awaited: number, state: KnownRequest): string | null {
    if (by === '@requester') return state.requesterEmployeeNumber;
    if (by === '@subject') return state.subjectEmployeeNumber;
    if (by !== '@awaited') return by;
    const approvers = openStep(state)?.approvers ?? [];
    return approvers.length === 0 ? null : approvers[awaited % approvers.length]!;
  }

  private requestAt(index: number): string | null {
    return this.requests.size === 0 ? null : `request-${(index % this.requests.size) + 1}`;
  }

  /** The request's command handler: a refusal (DomainError) records nothing, as for a caller told no. */
  private runRequest(requestId: string, command: AccessRequestCommand): AccessRequestEvent[] {
    let decided: readonly AccessRequestEvent[];
    try {
      decided = accessRequestDecider.decide(command, this.requestState(requestId));
    } catch (error) {
      if (error instanceof DomainError) return [];
      throw error;
    }
    this.requests.get(requestId)!.push(...decided);
    for (const event of decided) this.log.push({ kind: 'request', event });
    return [...decided];
  }

  // --- The connector: plans an operation per assignment change, completes them in any order.

  private connectorCompletes(index: number, succeeds: boolean): void {
    if (this.outstanding.length === 0) return;
    const position = index % this.outstanding.length;
    const operation = this.outstanding[position]!;
    const ref = { ...operation, entitlementKey: operation.entitlementKey };
    const at = this.now.toISOString();
    if (succeeds) {
      this.outstanding.splice(position, 1);
      const type = operation.action === 'grant' ? 'EntitlementGranted' : 'EntitlementRevoked';
      this.log.push({ kind: 'outcome', outcome: { type, data: { ...ref, userName: 'user', completedAt: at, via: 'connector' } } });
    } else {
      this.log.push({
        kind: 'outcome',
        outcome: { type: 'OperationFailed', data: { ...ref, errorKind: 'rejected', message: 'no', attempts: 3, failedAt: at } },
      });
    }
  }

  // --- The followers, each reading the log from its own checkpoint.

  /** One entry read by the process; false when it has read everything. */
  private step(process: ProcessName): boolean {
    const cursor = this.cursors.get(process)!;
    if (cursor >= this.log.length) return false;
    this.cursors.set(process, cursor + 1);
    const entry = this.log[cursor]!;
    switch (process) {
      case 'birthright':
        if (entry.kind === 'identity') this.runProcess(process, () => this.birthright(entry));
        break;
      case 'request-leaver':
        if (entry.kind === 'identity' && entry.type === 'IdentityTerminated') this.requestLeaver(entry.employeeNumber);
        break;
      case 'request-fulfilment':
        if (entry.kind === 'request' && entry.event.type === 'AccessRequestApproved') this.fulfil(entry.event.data.requestId);
        if (entry.kind === 'request' && entry.event.type === 'AccessRequestCancelled') this.revokeCancelled(entry.event.data);
        break;
      case 'connector':
        if (entry.kind === 'assignments') this.plan(entry.identityId, entry.event);
        break;
      case 'provisioning-tracker':
        if (entry.kind === 'outcome' && entry.outcome.data.assignmentId !== null) {
          const { outcome } = entry;
          this.runProcess(process, () => this.write(outcome.data.identityId, (state) => decideOperationOutcome(outcome, state)));
        }
        break;
    }
    return true;
  }

  /** application/birthright-assigner.ts, one event per batch: the facts are the directory as it is now. */
  private birthright(entry: Extract<LogEntry, { kind: 'identity' }>): void {
    const { employeeNumber, revision } = entry;
    const person = this.person(employeeNumber);
    const identityId = identityIdOf(employeeNumber);
    const input: BirthrightInput =
      entry.type === 'IdentityTerminated' || entry.type === 'IdentityRehired'
        ? { type: entry.type, identityRevision: revision }
        : { type: 'ReevaluateBirthright' };
    const birthright = assignableBirthright(COMPILED_POLICY, subjectOf(employeeNumber, person.status, person.department));
    this.write(identityId, (assignments) =>
      decideBirthright(input, {
        identityId,
        status: person.status,
        birthright,
        assignments,
        now: this.now,
        ids: this.ids,
        sodBlocks: new Map(),
      }),
    );
  }

  /** application/requests/request-leaver.ts: the leaver's open requests are cancelled, steps waiting for them reassigned. */
  private requestLeaver(employeeNumber: string): void {
    const identityId = identityIdOf(employeeNumber);
    const at = this.now.toISOString();
    for (const requestId of this.requests.keys()) {
      const state = this.requestState(requestId);
      if (state.status === 'none') continue;
      if (state.identityId === identityId && (state.status === 'pending' || state.status === 'approved')) {
        this.runRequest(requestId, { type: 'CancelRequest', data: { by: LEAVER_PARTY, reason: 'leaver', cancelledAt: at } });
      }
    }
    for (const requestId of this.requests.keys()) {
      if (this.requestState(requestId).status !== 'pending') continue;
      this.runRequest(requestId, {
        type: 'ReassignLeaverApprovals',
        data: { leaver: employeeNumber, replacement: MANAGERS[employeeNumber] ?? null, reassignedAt: at },
      });
    }
  }

  /** application/requests/request-fulfilment.ts: an approved request adds its assignment, or records why not. */
  private fulfil(requestId: string): void {
    const request = this.requestState(requestId);
    if (request.status !== 'approved') return;
    const assignmentId = `request-${requestId}`;
    const { identityId, applicationId, entitlementKey, grantedDurationHours: hours } = request;
    try {
      if (this.person(request.subjectEmployeeNumber).status === 'terminated') {
        throw new DomainError('illegal_state', `${request.subjectEmployeeNumber} was terminated: nothing is granted`);
      }
      this.write(identityId, (state) => {
        if (state.assignments[assignmentId]) return ignored('added already');
        if (state.lastTerminatedAt !== null && Date.parse(state.lastTerminatedAt) >= Date.parse(request.requestedAt)) {
          throw new DomainError('illegal_state', `${request.subjectEmployeeNumber} left after the request was made`);
        }
        return commands({
          type: 'AddAssignment',
          data: {
            assignmentId,
            identityId,
            applicationId,
            entitlementKey,
            source: { kind: request.breakGlass ? 'break-glass' : 'request', reference: requestId, policyVersion: 1 },
            validFrom: this.now.toISOString(),
            validUntil: null,
            durationMs: hours === null ? null : Math.round(hours * HOUR_MS),
            sodBlocking: [],
          },
        });
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.runRequest(requestId, { type: 'RecordFulfilmentFailure', data: { reason: error.message, failedAt: this.now.toISOString() } });
      return;
    }
    const granted = this.runRequest(requestId, { type: 'RecordGrant', data: { assignmentId, grantedAt: this.now.toISOString() } });
    if (granted.length > 0 && this.terminationsAtRequest.get(requestId) !== (this.terminations.get(request.subjectEmployeeNumber) ?? 0)) {
      this.grantedAcrossTermination.push(`${requestId} for ${request.subjectEmployeeNumber}`);
    }
    if (granted.length === 0 && this.requestState(requestId).status === 'cancelled') this.revoke(identityId, assignmentId);
  }

  private revokeCancelled(cancelled: { readonly requestId: string; readonly assignmentId: string | null }): void {
    const request = this.requestState(cancelled.requestId);
    if (cancelled.assignmentId === null || request.status === 'none') return;
    this.revoke(request.identityId, cancelled.assignmentId);
  }

  private revoke(identityId: string, assignmentId: string): void {
    this.runProcess('request-fulfilment', () =>
      this.write(identityId, (state) => {
        const assignment = state.assignments[assignmentId];
        if (!assignment || !isHeld(assignment)) return ignored('not held');
        return commands({ type: 'RevokeAssignment', data: { assignmentId, reason: 'cancelled', revokedAt: this.now.toISOString() } });
      }),
    );
  }

  private plan(identityId: string, event: AssignmentsEvent): void {
    if (event.type !== 'AssignmentAdded' && event.type !== 'AssignmentRevoked') return;
    const { assignmentId, applicationId, entitlementKey } = event.data;
    const action = event.type === 'AssignmentAdded' ? 'grant' : 'revoke';
    this.outstanding.push({ operationId: `${action}.${assignmentId}`, action, identityId, assignmentId, applicationId, entitlementKey });
  }

  /** A follower that stops on a refusal (the real one retries, then stops): recorded for the property to fail on. */
  private runProcess(process: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.processFailures.push(`${process}: ${error.code}: ${error.message}`);
    }
  }

  /** application/assignments-writer.ts: every command of the decision, appended at once, or nothing. */
  private write(identityId: string, decide: (state: AssignmentsState) => ProcessOutcome): void {
    let state = this.assignmentsOf(identityId);
    const outcome = decide(state);
    if (outcome.kind === 'ignored') return;
    const events: AssignmentsEvent[] = [];
    for (const command of outcome.commands) {
      const decided = assignmentsDecider.decide(command, state);
      state = decided.reduce(assignmentsDecider.evolve, state);
      events.push(...decided);
    }
    this.assignments.set(identityId, state);
    for (const event of events) this.log.push({ kind: 'assignments', identityId, event });
  }
}
