import { commandHandler, DomainError, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { entitlementKey, evaluateRequest, type CompiledPolicy, type EntitlementRef, type PolicySubject } from '@tenure/policy-decisions';
import { isAdministrator, type Caller } from '@tenure/service-runtime';
import type { Pool } from 'pg';
import {
  accessRequestDecider,
  openStep,
  planApprovalChain,
  recordedDecision,
  refusedWithoutPolicy,
  type AccessRequestCommand,
  type ExtensionOf,
  type KnownRequest,
  type PlannedStep,
  type RecordedDecision,
  type RequestParty,
} from '../../domain/requests';
import { applicationOwnerOf, catalogEntitlement } from '../../read-model/workflow-catalog/workflow-catalog.queries';
import { findSubjects } from '../../read-model/workflow-identities/workflow-subjects';
import { accessRequestStreamId } from '../../read-model/workflow-requests';
import type { LatestPolicy } from '../latest-policy';
import type { ValidExceptions } from './request-collaborators';
import type { RequestSettings } from './request-settings';
import { heldAssignmentById, heldAssignmentsOf, managersOf, peerAdoption, personByEmployeeNumber } from './request-directory';

export interface AccessRequestsDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly latest: LatestPolicy;
  readonly validExceptions: ValidExceptions;
  readonly settings: Pick<RequestSettings, 'escalationMs' | 'breakGlassMaxHours'>;
}

export interface NewAccessRequest {
  /** The person the access is for; the caller themselves when absent. */
  readonly identityId?: string | null;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly justification: string;
  readonly durationHours: number;
  readonly breakGlass?: boolean;
}

export interface AccessExtension {
  readonly assignmentId: string;
  readonly durationHours: number;
  readonly justification: string;
}

/** A request as its requester, approvers and auditors see it: the decider's state. */
export type AccessRequestView = KnownRequest;

/**
 * Just-in-time access requests: a person asks (for themselves or a report), policy decides, the
 * chain's approvers approve or deny, the requester or subject cancels, holders ask for extensions.
 * Who may do what is decided here and in the decider from the data (the chain, the reporting
 * line), never from what the caller claims; a person caller acts as their employee number.
 */
export class AccessRequests {
  private readonly handle;

  constructor(private readonly deps: AccessRequestsDependencies) {
    this.handle = commandHandler(deps.store, accessRequestDecider, { ids: deps.ids });
  }

  async request(caller: Caller, input: NewAccessRequest): Promise<AccessRequestView> {
    const requester = await this.requesterOf(caller);
    const subjectId = input.identityId ?? requester.identityId;
    return this.submit(caller, requester.employeeNumber, subjectId, input, null);
  }

  async extend(caller: Caller, input: AccessExtension): Promise<AccessRequestView> {
    const requester = await this.requesterOf(caller);
    const assignment = await heldAssignmentById(this.deps.pool, input.assignmentId);
    if (!assignment)
      throw new DomainError('not_found', `no assignment ${input.assignmentId} is held`, { assignmentId: input.assignmentId });
    await this.subjectFor(caller, assignment.identityId);
    if (assignment.sourceKind !== 'request' && assignment.sourceKind !== 'break-glass') {
      throw new DomainError(
        'validation',
        `assignment ${input.assignmentId} is ${assignment.sourceKind} access without an end: only requested access is extended`,
      );
    }
    const extensionOf: ExtensionOf = { requestId: assignment.sourceReference, assignmentId: assignment.assignmentId };
    const request = { ...input, applicationId: assignment.applicationId, entitlementKey: assignment.entitlementKey, breakGlass: false };
    return this.submit(caller, requester.employeeNumber, assignment.identityId, request, extensionOf);
  }

  async approve(caller: Caller, requestId: string, comment: string): Promise<AccessRequestView> {
    const current = await this.current(requestId);
    const open = openStep(current);
    const next = open ? current.steps[open.index + 1] : undefined;
    const managers = next ? await managersOf(this.deps.pool, next.approvers) : {};
    const now = this.deps.clock.now();
    return this.run(caller, requestId, {
      type: 'ApproveRequest',
      data: { by: partyOf(caller), comment, escalationMs: this.deps.settings.escalationMs, managers, approvedAt: now.toISOString() },
    });
  }

  deny(caller: Caller, requestId: string, comment: string): Promise<AccessRequestView> {
    const deniedAt = this.deps.clock.now().toISOString();
    return this.run(caller, requestId, { type: 'DenyRequest', data: { by: partyOf(caller), comment, deniedAt } });
  }

  cancel(caller: Caller, requestId: string, reason?: string | null): Promise<AccessRequestView> {
    const cancelledAt = this.deps.clock.now().toISOString();
    return this.run(caller, requestId, { type: 'CancelRequest', data: { by: partyOf(caller), reason: reason ?? null, cancelledAt } });
  }

  private async submit(
    caller: Caller,
    requesterEmployeeNumber: string,
    subjectId: string,
    input: NewAccessRequest,
    extensionOf: ExtensionOf | null,
  ): Promise<AccessRequestView> {
    const subject = await this.subjectFor(caller, subjectId);
    const now = this.deps.clock.now();
    const breakGlass = input.breakGlass ?? false;
    const policy = await this.deps.latest.compiled();
    const { decision, chain } = policy
      ? await this.decide(policy, { subject, requesterEmployeeNumber, input, breakGlass, extensionOf, now })
      : { decision: refusedWithoutPolicy(), chain: [] };
    const requestId = this.deps.ids.newId();
    return this.run(caller, requestId, {
      type: 'RequestAccess',
      data: {
        requestId,
        identityId: subject.identityId,
        subjectEmployeeNumber: subject.employeeNumber,
        requesterEmployeeNumber,
        applicationId: input.applicationId,
        entitlementKey: input.entitlementKey,
        justification: input.justification,
        requestedDurationHours: input.durationHours,
        breakGlass,
        extensionOf,
        decision,
        chain,
        breakGlassMaxHours: this.deps.settings.breakGlassMaxHours,
        escalationMs: this.deps.settings.escalationMs,
        requestedAt: now.toISOString(),
      },
    });
  }

  /** The policy decision on the facts as workflow knows them now, and the chain with its approvers. */
  private async decide(
    policy: CompiledPolicy,
    facts: {
      subject: PolicySubject;
      requesterEmployeeNumber: string;
      input: NewAccessRequest;
      breakGlass: boolean;
      extensionOf: ExtensionOf | null;
      now: Date;
    },
  ): Promise<{ decision: RecordedDecision; chain: PlannedStep[] }> {
    const { subject, requesterEmployeeNumber, input, extensionOf, now } = facts;
    const { pool } = this.deps;
    const entitlement = { application: input.applicationId, entitlement: input.entitlementKey };
    // An extension asks for more of what is held: the held assignment is not a reason to refuse it.
    const held = (await heldAssignmentsOf(pool, subject.identityId))
      .filter((assignment) => assignment.assignmentId !== extensionOf?.assignmentId)
      .map((assignment) => ({ entitlement: { application: assignment.applicationId, entitlement: assignment.entitlementKey } }));
    const autoApproval = accessPolicyFor(policy, entitlement)?.autoApproval ?? null;
    const peers =
      autoApproval && autoApproval.minPeerShare > 0
        ? await peerAdoption(pool, subject, autoApproval.peerGroup, input.applicationId, input.entitlementKey)
        : null;
    const decision = evaluateRequest(policy, {
      subject,
      requesterEmployeeNumber,
      entitlement,
      durationHours: input.durationHours,
      breakGlass: facts.breakGlass,
      held,
      exceptions: await this.deps.validExceptions(pool, subject.identityId, now),
      peers,
      now: now.toISOString(),
    });
    if (!decision.allowed || decision.autoApproved || decision.breakGlass) return { decision: recordedDecision(decision), chain: [] };
    return {
      decision: recordedDecision(decision),
      chain: await this.planChain(policy, decision.approvalChain, subject, requesterEmployeeNumber, input),
    };
  }

  private async planChain(
    policy: CompiledPolicy,
    chain: Parameters<typeof planApprovalChain>[0],
    subject: PolicySubject,
    requesterEmployeeNumber: string,
    input: NewAccessRequest,
  ): Promise<PlannedStep[]> {
    const { pool } = this.deps;
    const catalog = await catalogEntitlement(pool, input.applicationId, input.entitlementKey);
    const applicationOwner = catalog?.applicationOwnerEmployeeNumber ?? (await applicationOwnerOf(pool, input.applicationId));
    const groupMembers = (groupId: string) => policy.approverGroups.get(groupId)?.members ?? [];
    const people = [
      subject.employeeNumber,
      requesterEmployeeNumber,
      ...(catalog?.ownerEmployeeNumber ? [catalog.ownerEmployeeNumber] : []),
      ...(applicationOwner ? [applicationOwner] : []),
      ...chain.flatMap(({ step }) => (step.kind === 'group' ? groupMembers(step.group) : [])),
    ];
    const managers = await managersOf(pool, people);
    // The subject's manager as the policy subject has it (workflow's directory copy).
    managers[subject.employeeNumber] = subject.managerEmployeeNumber ?? subject.managerChain[0] ?? null;
    return planApprovalChain(
      chain,
      { requesterEmployeeNumber, subjectEmployeeNumber: subject.employeeNumber },
      {
        managerOf: (employeeNumber) => managers[employeeNumber] ?? null,
        entitlementOwner: catalog?.ownerEmployeeNumber ?? null,
        applicationOwner,
        groupMembers,
      },
    );
  }

  private async run(caller: Caller, requestId: string, command: AccessRequestCommand): Promise<AccessRequestView> {
    const now = this.deps.clock.now();
    const { state } = await this.handle(accessRequestStreamId(requestId), command, {
      commandId: this.deps.ids.newId(),
      actor: caller.actor,
      now,
    });
    if (state.status === 'none') throw new DomainError('not_found', `no access request ${requestId}`);
    return state;
  }

  private async current(requestId: string): Promise<KnownRequest> {
    const recorded = await this.deps.store.readStream(accessRequestStreamId(requestId));
    let state = accessRequestDecider.initialState();
    for (const event of recorded) state = accessRequestDecider.evolve(state, { type: event.type, data: event.data } as never);
    if (state.status === 'none') throw new DomainError('not_found', `no access request ${requestId}`, { requestId });
    return state;
  }

  /**
   * The person access is asked for, once the caller may ask for them: people ask for themselves and for
   * anyone below them in their reporting line; administrators for anyone (a service desk). Auditors read
   * everyone's access but ask only for themselves.
   */
  private async subjectFor(caller: Caller, identityId: string) {
    const [subject] = await findSubjects(this.deps.pool, [identityId]);
    if (!subject) throw new DomainError('not_found', `identity ${identityId} is not known to workflow`, { identityId });
    if (isAdministrator(caller) || caller.kind !== 'person') return subject;
    if (subject.employeeNumber === caller.employeeNumber || subject.managerChain.includes(caller.employeeNumber)) return subject;
    throw new DomainError(
      'forbidden',
      `${caller.employeeNumber} may request access only for themselves and for people in their reporting line, not for ${subject.employeeNumber}`,
      { identityId },
    );
  }

  private async requesterOf(caller: Caller) {
    if (caller.kind !== 'person') {
      throw new DomainError(
        'forbidden',
        'access is requested by a person, for themselves or someone reporting to them: administrators do not request',
      );
    }
    const requester = await personByEmployeeNumber(this.deps.pool, caller.employeeNumber);
    if (!requester)
      throw new DomainError('forbidden', `${caller.employeeNumber} is not known to workflow: only people HR knows request access`);
    return requester;
  }
}

export function partyOf(caller: Caller): RequestParty {
  return caller.kind === 'administrator' ? { kind: 'administrator' } : { kind: 'person', employeeNumber: caller.employeeNumber };
}

/** The most specific access policy (the entitlement's, its application's, the default): whose auto-approval needs peers. */
function accessPolicyFor(policy: CompiledPolicy, entitlement: EntitlementRef) {
  const index = policy.accessPolicies;
  return (index.byEntitlement.get(entitlementKey(entitlement)) ?? index.byApplication.get(entitlement.application) ?? index.fallback)
    ?.policy;
}
