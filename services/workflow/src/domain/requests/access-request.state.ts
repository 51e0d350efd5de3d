import { assertNever } from '../assert-never';
import type {
  AccessRequestEvent,
  ApprovalHow,
  CancellationCause,
  ExtensionOf,
  PlannedStep,
  RecordedDecision,
  RequestParty,
} from './access-request.events';

export interface GivenApproval {
  readonly by: RequestParty;
  readonly comment: string;
  readonly at: string;
}

/** `waiting`: a later step, not open yet; `closed`: the request ended before it was decided. */
export type StepStatus = 'waiting' | 'open' | 'approved' | 'denied' | 'closed';

export interface StepState extends PlannedStep {
  readonly index: number;
  readonly status: StepStatus;
  readonly approvals: readonly GivenApproval[];
  readonly escalatesAt: string | null;
  readonly escalations: number;
  readonly openedAt: string | null;
  readonly decidedAt: string | null;
}

export type RequestStatus = 'pending' | 'approved' | 'granted' | 'refused' | 'denied' | 'cancelled' | 'fulfilment-failed';

/** Everything known about a request: plain data, so the read model keeps it as it is. */
export interface RequestFields {
  readonly requestId: string;
  readonly identityId: string;
  readonly subjectEmployeeNumber: string;
  readonly requesterEmployeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
  readonly requestedDurationHours: number | null;
  /** The duration the grant gets (policy maximum and break-glass cap applied) once approved; before, the policy's answer. */
  readonly grantedDurationHours: number | null;
  readonly breakGlass: boolean;
  readonly extensionOf: ExtensionOf | null;
  readonly decision: RecordedDecision;
  readonly steps: readonly StepState[];
  readonly how: ApprovalHow | null;
  readonly approvalReasons: readonly string[];
  readonly assignmentId: string | null;
  readonly failureReason: string | null;
  readonly denial: { readonly by: RequestParty; readonly comment: string; readonly stepIndex: number } | null;
  readonly cancellation: { readonly by: RequestParty; readonly cause: CancellationCause; readonly reason: string | null } | null;
  readonly requestedAt: string;
  /** When it was approved, refused or denied. */
  readonly decidedAt: string | null;
  readonly grantedAt: string | null;
  /** When it ended without access: refused, denied, cancelled, fulfilment failed. */
  readonly closedAt: string | null;
}

export type AccessRequestState = { readonly status: 'none' } | (RequestFields & { readonly status: RequestStatus });

export type KnownRequest = Extract<AccessRequestState, { readonly requestId: string }>;

export function initialState(): AccessRequestState {
  return { status: 'none' };
}

export function evolve(state: AccessRequestState, event: AccessRequestEvent): AccessRequestState {
  if (event.type === 'AccessRequested') return requested(event.data);
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AccessRequestRefused':
      return { ...state, status: 'refused', decidedAt: event.data.refusedAt, closedAt: event.data.refusedAt };
    case 'ApprovalStepOpened': {
      const { stepIndex, approvers, toAdministrators, escalatesAt, openedAt } = event.data;
      return withStep(state, stepIndex, (step) => ({ ...step, status: 'open', approvers, toAdministrators, escalatesAt, openedAt }));
    }
    case 'ApprovalGiven': {
      const { stepIndex, by, comment, approvedAt } = event.data;
      return withStep(state, stepIndex, (step) => {
        const approvals = [...step.approvals, { by, comment, at: approvedAt }];
        const complete = approvals.length >= requiredOf(step);
        return { ...step, approvals, ...(complete ? { status: 'approved', decidedAt: approvedAt, escalatesAt: null } : {}) };
      });
    }
    case 'AccessRequestDenied': {
      const { stepIndex, by, comment, deniedAt } = event.data;
      const denied = withStep(state, stepIndex, (step) => ({ ...step, status: 'denied', decidedAt: deniedAt, escalatesAt: null }));
      return { ...closeSteps(denied), status: 'denied', denial: { by, comment, stepIndex }, decidedAt: deniedAt, closedAt: deniedAt };
    }
    case 'ApprovalStepEscalated': {
      const { stepIndex, approvers, toAdministrators, escalatesAt } = event.data;
      return withStep(state, stepIndex, (step) => ({
        ...step,
        approvers,
        toAdministrators,
        escalatesAt,
        escalations: step.escalations + 1,
      }));
    }
    case 'ApprovalStepReassigned': {
      const { stepIndex, approvers, toAdministrators } = event.data;
      return withStep(state, stepIndex, (step) => ({
        ...step,
        approvers,
        toAdministrators,
        // A step now with administrators no longer escalates.
        escalatesAt: toAdministrators ? null : step.escalatesAt,
      }));
    }
    case 'AccessRequestApproved': {
      const { how, reasons, grantedDurationHours, approvedAt } = event.data;
      return { ...state, status: 'approved', how, approvalReasons: reasons, grantedDurationHours, decidedAt: approvedAt };
    }
    case 'AccessGranted':
      return { ...state, status: 'granted', assignmentId: event.data.assignmentId, grantedAt: event.data.grantedAt };
    case 'AccessFulfilmentFailed':
      return { ...state, status: 'fulfilment-failed', failureReason: event.data.reason, closedAt: event.data.failedAt };
    case 'AccessRequestCancelled': {
      const { by, cause, reason, cancelledAt } = event.data;
      return { ...closeSteps(state), status: 'cancelled', cancellation: { by, cause, reason }, closedAt: cancelledAt };
    }
    default:
      return assertNever(event);
  }
}

function requested(data: Extract<AccessRequestEvent, { type: 'AccessRequested' }>['data']): AccessRequestState {
  const { chain, decision, ...rest } = data;
  return {
    ...rest,
    status: 'pending',
    decision,
    grantedDurationHours: decision.grantedDurationHours,
    steps: chain.map((planned, index) => ({
      ...planned,
      index,
      status: 'waiting',
      approvals: [],
      escalatesAt: null,
      escalations: 0,
      openedAt: null,
      decidedAt: null,
    })),
    how: null,
    approvalReasons: [],
    assignmentId: null,
    failureReason: null,
    denial: null,
    cancellation: null,
    decidedAt: null,
    grantedAt: null,
    closedAt: null,
  };
}

function withStep(state: KnownRequest, index: number, change: (step: StepState) => StepState): KnownRequest {
  return { ...state, steps: state.steps.map((step) => (step.index === index ? change(step) : step)) };
}

/** Steps not decided when the request ends are closed: nobody is asked any more. */
function closeSteps(state: KnownRequest): KnownRequest {
  return {
    ...state,
    steps: state.steps.map((step) =>
      step.status === 'open' || step.status === 'waiting' ? { ...step, status: 'closed', escalatesAt: null } : step,
    ),
  };
}

/** Administrators decide a step they were given with one approval. */
export function requiredOf(step: Pick<StepState, 'toAdministrators' | 'requiredApprovals'>): number {
  return step.toAdministrators ? 1 : step.requiredApprovals;
}

export function openStep(state: KnownRequest): StepState | undefined {
  return state.steps.find((step) => step.status === 'open');
}

/** Employee numbers of the people who approved any step of the request. */
export function approversSoFar(state: KnownRequest): Set<string> {
  const people = new Set<string>();
  for (const step of state.steps) {
    for (const approval of step.approvals) if (approval.by.kind === 'person') people.add(approval.by.employeeNumber);
  }
  return people;
}

/** Who the open step still waits for: its approvers who have not approved it (and may). */
export function awaitedApprovers(state: KnownRequest): string[] {
  const step = openStep(state);
  if (!step || state.status !== 'pending' || step.toAdministrators) return [];
  const approved = approversSoFar(state);
  return step.approvers.filter((person) => !approved.has(person));
}
