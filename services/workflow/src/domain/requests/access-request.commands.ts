import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import type { AccessRequestEvent, ExtensionOf, PlannedStep, RecordedDecision, RequestParty } from './access-request.events';
import { approversSoFar, openStep, requiredOf, type AccessRequestState, type KnownRequest, type StepState } from './access-request.state';
import { escalationTargets, excludedParties, routeAround } from './approver-resolution';

export const MAX_JUSTIFICATION_LENGTH = 2_000;
export const MAX_COMMENT_LENGTH = 2_000;
/** A year (leap) in hours: longer requests are mistakes; permanent access is birthright's business. */
export const MAX_REQUEST_HOURS = 8_784;

/** Managers on record, by employee number, of the people a command may route a step to (absent: none). */
export type ManagersOnRecord = Readonly<Record<string, string | null>>;

export interface RequestAccess {
  readonly type: 'RequestAccess';
  readonly data: {
    readonly requestId: string;
    readonly identityId: string;
    readonly subjectEmployeeNumber: string;
    readonly requesterEmployeeNumber: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly justification: string;
    readonly requestedDurationHours: number;
    readonly breakGlass: boolean;
    readonly extensionOf: ExtensionOf | null;
    readonly decision: RecordedDecision;
    /** The policy's chain with its approvers resolved (approver-resolution.ts). */
    readonly chain: readonly PlannedStep[];
    /** Break-glass grants last at most this long, whatever the policy allows. */
    readonly breakGlassMaxHours: number;
    /** How long a step waits before it escalates. */
    readonly escalationMs: number;
    readonly requestedAt: string;
  };
}

export interface ApproveRequest {
  readonly type: 'ApproveRequest';
  readonly data: {
    readonly by: RequestParty;
    readonly comment: string;
    readonly escalationMs: number;
    /** Managers of the next step's approvers: who it goes to when its approvers may not approve. */
    readonly managers: ManagersOnRecord;
    readonly approvedAt: string;
  };
}

export interface DenyRequest {
  readonly type: 'DenyRequest';
  readonly data: { readonly by: RequestParty; readonly comment: string; readonly deniedAt: string };
}

/** The escalation timer: `dueAt` is the step's escalatesAt it was scheduled for (a moved or closed step ignores it). */
export interface EscalateApprovalStep {
  readonly type: 'EscalateApprovalStep';
  readonly data: {
    readonly stepIndex: number;
    readonly dueAt: string;
    /** Managers of the step's current approvers. */
    readonly managers: ManagersOnRecord;
    readonly escalationMs: number;
    readonly escalatedAt: string;
  };
}

/** The leaver: steps not decided yet that wait for `leaver` go to `replacement` (their manager), or administrators. */
export interface ReassignLeaverApprovals {
  readonly type: 'ReassignLeaverApprovals';
  readonly data: { readonly leaver: string; readonly replacement: string | null; readonly reassignedAt: string };
}

export interface CancelRequest {
  readonly type: 'CancelRequest';
  readonly data: { readonly by: RequestParty; readonly reason: string | null; readonly cancelledAt: string };
}

export interface RecordGrant {
  readonly type: 'RecordGrant';
  readonly data: { readonly assignmentId: string; readonly grantedAt: string };
}

export interface RecordFulfilmentFailure {
  readonly type: 'RecordFulfilmentFailure';
  readonly data: { readonly reason: string; readonly failedAt: string };
}

export type AccessRequestCommand =
  | RequestAccess
  | ApproveRequest
  | DenyRequest
  | EscalateApprovalStep
  | ReassignLeaverApprovals
  | CancelRequest
  | RecordGrant
  | RecordFulfilmentFailure;

export function decide(command: AccessRequestCommand, state: AccessRequestState): readonly AccessRequestEvent[] {
  if (command.type === 'RequestAccess') return requestAccess(command, state);
  if (state.status === 'none') throw new DomainError('not_found', 'no such access request');
  switch (command.type) {
    case 'ApproveRequest':
      return approve(command, state);
    case 'DenyRequest':
      return deny(command, state);
    case 'EscalateApprovalStep':
      return escalate(command, state);
    case 'ReassignLeaverApprovals':
      return reassign(command, state);
    case 'CancelRequest':
      return cancel(command, state);
    case 'RecordGrant':
      return recordGrant(command, state);
    case 'RecordFulfilmentFailure':
      return state.status === 'approved' ? [{ type: 'AccessFulfilmentFailed', data: { requestId: state.requestId, ...command.data } }] : [];
    default:
      return assertNever(command);
  }
}

function requestAccess({ data }: RequestAccess, state: AccessRequestState): readonly AccessRequestEvent[] {
  if (state.status !== 'none') throw new DomainError('conflict', `access request ${data.requestId} already exists`);
  const justification = data.justification.trim();
  if (justification === '') {
    throw new DomainError('validation', 'a justification is required: say why the access is needed', { field: 'justification' });
  }
  if (justification.length > MAX_JUSTIFICATION_LENGTH) {
    throw new DomainError('validation', `the justification is longer than ${MAX_JUSTIFICATION_LENGTH} characters`, {
      field: 'justification',
    });
  }
  const hours = data.requestedDurationHours;
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_REQUEST_HOURS) {
    throw new DomainError('validation', `the duration must be more than 0 and at most ${MAX_REQUEST_HOURS} hours (got ${hours})`, {
      field: 'durationHours',
    });
  }
  const { breakGlassMaxHours, escalationMs, chain, ...recorded } = data;
  const { requestId, identityId, decision, requestedAt: now } = data;
  const requested: AccessRequestEvent = { type: 'AccessRequested', data: { ...recorded, justification, chain } };
  if (!decision.allowed)
    return [requested, { type: 'AccessRequestRefused', data: { requestId, reasons: decision.reasons, refusedAt: now } }];

  const approved = (
    how: 'auto' | 'break-glass' | 'no-approval-required',
    reasons: readonly string[],
    grantedDurationHours: number | null,
  ) =>
    [
      requested,
      { type: 'AccessRequestApproved', data: { requestId, identityId, how, reasons, grantedDurationHours, approvedAt: now } },
    ] as const;
  if (data.breakGlass) {
    const capped = Math.min(decision.grantedDurationHours ?? Number.POSITIVE_INFINITY, breakGlassMaxHours);
    return approved(
      'break-glass',
      [
        `Break-glass: granted at once for ${capped} hour${capped === 1 ? '' : 's'} (at most ${breakGlassMaxHours} for break-glass), reviewed by the owner afterwards.`,
      ],
      capped,
    );
  }
  if (decision.autoApproved) return approved('auto', decision.autoApprovalReasons, decision.grantedDurationHours);
  if (chain.length === 0) return approved('no-approval-required', ['No approval required by the policy.'], decision.grantedDurationHours);
  const first = chain[0]!;
  return [requested, opened(requestId, 0, first.approvers, first.toAdministrators, escalationMs, now)];
}

function opened(
  requestId: string,
  stepIndex: number,
  approvers: readonly string[],
  toAdministrators: boolean,
  escalationMs: number,
  now: string,
): AccessRequestEvent {
  const escalatesAt = toAdministrators ? null : new Date(Date.parse(now) + escalationMs).toISOString();
  return { type: 'ApprovalStepOpened', data: { requestId, stepIndex, approvers, toAdministrators, escalatesAt, openedAt: now } };
}

function approve({ data }: ApproveRequest, state: KnownRequest): readonly AccessRequestEvent[] {
  const step = decidableStep(state, data.by, 'approve');
  const comment = boundedComment(data.comment);
  const { requestId } = state;
  const given: AccessRequestEvent = {
    type: 'ApprovalGiven',
    data: { requestId, stepIndex: step.index, by: data.by, comment, approvedAt: data.approvedAt },
  };
  if (step.approvals.length + 1 < requiredOf(step)) return [given];
  const next = state.steps[step.index + 1];
  if (!next) {
    return [
      given,
      {
        type: 'AccessRequestApproved',
        data: {
          requestId,
          identityId: state.identityId,
          how: 'approvals',
          reasons: [],
          grantedDurationHours: state.grantedDurationHours,
          approvedAt: data.approvedAt,
        },
      },
    ];
  }
  // Nobody approves two steps of one request: the next step's approvers who approved an earlier one
  // (this approval included) are routed around like the requester and the subject.
  const excluded = excludedParties(state);
  for (const person of approversSoFar(state)) excluded.add(person);
  if (data.by.kind === 'person') excluded.add(data.by.employeeNumber);
  const approvers = next.toAdministrators
    ? []
    : routeAround(next.approvers, next.requiredApprovals, excluded, managerLookup(data.managers));
  return [given, opened(requestId, next.index, approvers, approvers.length === 0, data.escalationMs, data.approvedAt)];
}

function deny({ data }: DenyRequest, state: KnownRequest): readonly AccessRequestEvent[] {
  const step = decidableStep(state, data.by, 'deny');
  const comment = boundedComment(data.comment);
  return [
    {
      type: 'AccessRequestDenied',
      data: { requestId: state.requestId, stepIndex: step.index, by: data.by, comment, deniedAt: data.deniedAt },
    },
  ];
}

/**
 * The open step, if `by` may decide it: one of its approvers who has not approved it and approved
 * no other step, never the requester or the subject; administrators only on a step nobody else could be given.
 */
function decidableStep(state: KnownRequest, by: RequestParty, verb: 'approve' | 'deny'): StepState {
  const step = openStep(state);
  if (state.status !== 'pending' || !step) {
    throw new DomainError('illegal_state', `access request ${state.requestId} is ${state.status}: there is nothing to ${verb}`, {
      status: state.status,
    });
  }
  const refuse = (why: string) => {
    throw new DomainError('forbidden', `you may not ${verb} access request ${state.requestId}: ${why}`, { stepIndex: step.index });
  };
  switch (by.kind) {
    case 'process':
      return refuse('a process does not approve');
    case 'administrator':
      if (!step.toAdministrators)
        refuse(
          `step ${step.index + 1} (${step.description}) waits for ${step.approvers.join(', ')}; administrators decide only steps nobody else can`,
        );
      return step;
    case 'person': {
      const who = by.employeeNumber;
      if (who === state.requesterEmployeeNumber) refuse('the requester can never approve or deny their own request');
      if (who === state.subjectEmployeeNumber) refuse('nobody approves or denies access for themselves');
      if (step.toAdministrators || !step.approvers.includes(who))
        refuse(`step ${step.index + 1} (${step.description}) is not waiting for ${who}`);
      if (step.approvals.some((approval) => approval.by.kind === 'person' && approval.by.employeeNumber === who)) {
        throw new DomainError('conflict', `${who} already approved step ${step.index + 1}: its approvals come from distinct people`);
      }
      if (approversSoFar(state).has(who)) refuse(`${who} approved another step of this request; each step needs someone else`);
      return step;
    }
    default:
      return assertNever(by);
  }
}

function escalate({ data }: EscalateApprovalStep, state: KnownRequest): readonly AccessRequestEvent[] {
  const step = openStep(state);
  // A timer for a step decided, moved or already with administrators: nothing to do.
  if (state.status !== 'pending' || !step || step.index !== data.stepIndex || step.escalatesAt !== data.dueAt) return [];
  if (step.toAdministrators) return [];
  const excluded = excludedParties(state);
  for (const person of approversSoFar(state)) excluded.add(person);
  const targets = escalationTargets(step.approvers, excluded, managerLookup(data.managers));
  const stillNeeded = requiredOf(step) - step.approvals.length;
  const toAdministrators = targets.length < stillNeeded;
  const approvers = toAdministrators ? [] : targets;
  return [
    {
      type: 'ApprovalStepEscalated',
      data: {
        requestId: state.requestId,
        stepIndex: step.index,
        from: step.approvers,
        approvers,
        toAdministrators,
        escalatesAt: toAdministrators ? null : new Date(Date.parse(data.escalatedAt) + data.escalationMs).toISOString(),
        escalatedAt: data.escalatedAt,
      },
    },
  ];
}

function reassign({ data }: ReassignLeaverApprovals, state: KnownRequest): readonly AccessRequestEvent[] {
  if (state.status !== 'pending') return [];
  const excluded = excludedParties(state);
  for (const person of approversSoFar(state)) excluded.add(person);
  const events: AccessRequestEvent[] = [];
  for (const step of state.steps) {
    if ((step.status !== 'open' && step.status !== 'waiting') || step.toAdministrators || !step.approvers.includes(data.leaver)) continue;
    const remaining = step.approvers.filter((person) => person !== data.leaver);
    const replacement = data.replacement !== null && !excluded.has(data.replacement) ? data.replacement : null;
    const approvers = replacement !== null && !remaining.includes(replacement) ? [...remaining, replacement] : remaining;
    const toAdministrators = approvers.length < step.requiredApprovals;
    events.push({
      type: 'ApprovalStepReassigned',
      data: {
        requestId: state.requestId,
        stepIndex: step.index,
        leaver: data.leaver,
        replacement,
        approvers: toAdministrators ? [] : approvers,
        toAdministrators,
        reassignedAt: data.reassignedAt,
      },
    });
  }
  return events;
}

function cancel({ data }: CancelRequest, state: KnownRequest): readonly AccessRequestEvent[] {
  const { by } = data;
  const cause = causeOf(by, state);
  if (state.status !== 'pending' && state.status !== 'approved' && state.status !== 'granted') {
    throw new DomainError('illegal_state', `access request ${state.requestId} is ${state.status}: it cannot be cancelled`, {
      status: state.status,
    });
  }
  if (state.status === 'granted' && state.extensionOf !== null) {
    throw new DomainError('illegal_state', `extension ${state.requestId} was applied already: cancel the request that granted the access`, {
      extendedRequestId: state.extensionOf.requestId,
    });
  }
  const reason = data.reason === null ? null : boundedComment(data.reason);
  const assignmentId = state.status === 'granted' ? state.assignmentId : null;
  return [
    {
      type: 'AccessRequestCancelled',
      data: { requestId: state.requestId, identityId: state.identityId, by, cause, reason, assignmentId, cancelledAt: data.cancelledAt },
    },
  ];
}

function causeOf(by: RequestParty, state: KnownRequest): 'requester' | 'subject' | 'administrator' | 'leaver' {
  switch (by.kind) {
    case 'administrator':
      return 'administrator';
    case 'process':
      return 'leaver';
    case 'person':
      if (by.employeeNumber === state.requesterEmployeeNumber) return 'requester';
      if (by.employeeNumber === state.subjectEmployeeNumber) return 'subject';
      throw new DomainError('forbidden', `only the requester or the person the access is for may cancel access request ${state.requestId}`);
    default:
      return assertNever(by);
  }
}

function recordGrant({ data }: RecordGrant, state: KnownRequest): readonly AccessRequestEvent[] {
  if (state.status === 'granted' && state.assignmentId === data.assignmentId) return [];
  // Cancelled while being fulfilled: the fulfilment revokes what it added.
  if (state.status === 'cancelled') return [];
  if (state.status !== 'approved') {
    throw new DomainError('illegal_state', `access request ${state.requestId} is ${state.status}: nothing to grant`, {
      status: state.status,
    });
  }
  const { requestId, identityId, breakGlass, applicationId, entitlementKey } = state;
  return [
    {
      type: 'AccessGranted',
      data: {
        requestId,
        identityId,
        assignmentId: data.assignmentId,
        breakGlass,
        applicationId,
        entitlementKey,
        grantedAt: data.grantedAt,
      },
    },
  ];
}

function boundedComment(comment: string): string {
  const trimmed = comment.trim();
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    throw new DomainError('validation', `the comment is longer than ${MAX_COMMENT_LENGTH} characters`, { field: 'comment' });
  }
  return trimmed;
}

function managerLookup(managers: ManagersOnRecord) {
  return { managerOf: (employeeNumber: string) => managers[employeeNumber] ?? null };
}
