import {
  assignmentsStreamId,
  IDENTITY_STREAM_PREFIX,
  killSwitchStreamId,
  operationStreamId,
  type AssignmentSource,
  type PublishedIdentityEvent,
} from '@tenure/contracts';
import type { Actor, RecordedEvent } from '@tenure/event-sourcing';
import type { AssignmentsEvent } from '../domain/assignments';
import { allowedDecision, step } from '../domain/requests/access-request.fixtures';
import type { AccessRequestEvent } from '../domain/requests';
import { reviewCampaignStreamId } from '../application/reviews/review-streams';
import type { ReviewCampaignEvent, ReviewItem } from '../domain/reviews';
import { accessRequestStreamId } from '../read-model/workflow-requests';
import { attributesOf, identityIdOf } from './identity-events';

// A scripted log of lifecycle traffic as the services record it, built in memory (no store, no
// clock): joiners whose birthright is granted (some after a failure), movers, JIT requests with
// escalation timers, grants with durations, extensions and expiries, leavers with kill switch plans
// whose outcomes may come before the plan, rehires, and a few events delivered twice. Workflow's
// assignment events name the identity event they answer as causation, as the birthright process does.

const HOUR = 3_600_000;
const HR: Actor = { kind: 'hr-feed', id: 'traffic' };
const WORKFLOW: Actor = { kind: 'service', id: 'workflow-traffic' };
const CONNECTOR: Actor = { kind: 'service', id: 'connector-traffic' };

export class LifecycleTraffic {
  readonly events: RecordedEvent[] = [];
  /** Every assignment added so far: what review campaigns pick their items from. */
  readonly added: TrafficAssignment[] = [];
  private readonly revisions = new Map<string, bigint>();
  private clock = Date.parse('2026-03-02T08:00:00.000Z');
  private seed: number;
  private sequence = 0;

  constructor(seed = 7) {
    this.seed = seed;
  }

  /** A deterministic pseudo-random integer in [0, n). */
  pick(n: number): number {
    // mulberry32: the low bits of a plain LCG repeat too soon for small n.
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = Math.imul(this.seed ^ (this.seed >>> 15), 1 | this.seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  }

  /** Moves the scripted clock and returns the new instant. */
  later(ms = 60_000): string {
    this.clock += ms;
    return new Date(this.clock).toISOString();
  }

  append(streamId: string, event: { type: string; data: unknown }, actor: Actor, causationId: string | null = null): RecordedEvent {
    const revision = this.revisions.get(streamId) ?? -1n;
    this.revisions.set(streamId, revision + 1n);
    this.sequence += 1;
    const eventId = `traffic-event-${this.sequence}`;
    const occurredAt = this.later(1_000);
    const recorded: RecordedEvent = {
      streamId,
      revision: revision + 1n,
      position: { commit: BigInt(this.sequence), prepare: 0n },
      type: event.type,
      data: event.data as never,
      metadata: { eventId, correlationId: `traffic-${eventId}`, causationId, actor, occurredAt },
      recordedAt: new Date(this.clock),
    };
    this.events.push(recorded);
    return recorded;
  }

  /** Delivers an event again (an at-least-once publisher): every projection must ignore it. */
  duplicate(recorded: RecordedEvent): void {
    this.events.push({ ...recorded, position: { commit: BigInt(++this.sequence), prepare: 0n } });
  }

  identity(employeeNumber: string, event: PublishedIdentityEvent): RecordedEvent {
    return this.append(`${IDENTITY_STREAM_PREFIX}${employeeNumber}`, event, HR);
  }

  assignment(identityId: string, event: AssignmentsEvent, cause: string | null = null): RecordedEvent {
    return this.append(assignmentsStreamId(identityId), event, WORKFLOW, cause);
  }

  request(requestId: string, event: AccessRequestEvent): RecordedEvent {
    return this.append(accessRequestStreamId(requestId), event, WORKFLOW);
  }

  review(event: ReviewCampaignEvent): RecordedEvent {
    return this.append(reviewCampaignStreamId(event.data.campaignId), event, WORKFLOW);
  }
}

export interface TrafficAssignment {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly durationMs: number | null;
}

const APPLICATIONS = ['crm', 'erp', 'git', 'wiki', 'aws'];

/** Assignment events, one helper per kind, each at the traffic's clock. */
export function add(traffic: LifecycleTraffic, assignment: TrafficAssignment, cause: string | null = null): RecordedEvent {
  const { durationMs, ...ref } = assignment;
  traffic.added.push(assignment);
  return traffic.assignment(
    assignment.identityId,
    { type: 'AssignmentAdded', data: { ...ref, validFrom: traffic.later(0), validUntil: null, durationMs } },
    cause,
  );
}

export function provision(traffic: LifecycleTraffic, assignment: TrafficAssignment): RecordedEvent {
  const acknowledgedAt = traffic.later();
  const validUntil = assignment.durationMs ? new Date(Date.parse(acknowledgedAt) + assignment.durationMs).toISOString() : null;
  const { assignmentId, identityId } = assignment;
  return traffic.assignment(identityId, {
    type: 'AssignmentProvisioned',
    data: { assignmentId, identityId, operationId: `grant.${assignmentId}`, acknowledgedAt, validUntil },
  });
}

export function fail(traffic: LifecycleTraffic, assignment: TrafficAssignment, action: 'grant' | 'revoke'): RecordedEvent {
  const { assignmentId, identityId } = assignment;
  return traffic.assignment(identityId, {
    type: 'AssignmentProvisioningFailed',
    data: {
      assignmentId,
      identityId,
      operationId: `${action}.${assignmentId}`,
      action,
      errorKind: 'unavailable',
      message: `${assignment.applicationId} did not answer`,
      failedAt: traffic.later(),
    },
  } as AssignmentsEvent);
}

export function revoke(
  traffic: LifecycleTraffic,
  assignment: TrafficAssignment,
  reason: Extract<AssignmentsEvent, { type: 'AssignmentRevoked' }>['data']['reason'],
  cause: string | null = null,
): RecordedEvent {
  const { assignmentId, identityId, applicationId, entitlementKey } = assignment;
  return traffic.assignment(
    identityId,
    { type: 'AssignmentRevoked', data: { assignmentId, identityId, applicationId, entitlementKey, reason, revokedAt: traffic.later(0) } },
    cause,
  );
}

export function acknowledgeRevocation(traffic: LifecycleTraffic, assignment: TrafficAssignment): RecordedEvent {
  const { assignmentId, identityId } = assignment;
  return traffic.assignment(identityId, {
    type: 'AssignmentRevocationAcknowledged',
    data: { assignmentId, identityId, operationId: `revoke.${assignmentId}`, acknowledgedAt: traffic.later() },
  });
}

/**
 * `people` people through their lifecycle, interleaved: each person's story advances one chapter
 * at a time, round robin, so the log mixes them as a real one does. Returns the log in order.
 */
export function lifecycleTraffic(people: number, seed = 7): RecordedEvent[] {
  const traffic = new LifecycleTraffic(seed);
  // One person in four is still in flight when the log ends: work pending, requests waiting.
  const stories = Array.from({ length: people }, (_, index) => ({
    story: personStory(traffic, String(5_000 + index)),
    chaptersLeft: index % 4 === 3 ? 1 + traffic.pick(8) : Number.POSITIVE_INFINITY,
  }));
  // A review campaign starts every ten people or so, over what was assigned by then.
  const campaigns = Array.from({ length: Math.ceil(people / 10) }, (_, index) => ({
    story: campaignStory(traffic, index),
    chaptersLeft: Number.POSITIVE_INFINITY,
  }));
  let open = [...stories, ...campaigns];
  while (open.length > 0) open = open.filter((person) => person.chaptersLeft-- > 0 && !person.story.next().done);
  return traffic.events;
}

function* personStory(traffic: LifecycleTraffic, employeeNumber: string): Generator<void, void, void> {
  const person = { employeeNumber, department: 'Sales' };
  const identityId = identityIdOf(employeeNumber);
  let serial = 0;
  const birthright = (application: string, stint: number): TrafficAssignment => ({
    assignmentId: `a-${employeeNumber}-${stint}-${application}-${++serial}`,
    identityId,
    applicationId: application,
    entitlementKey: 'user',
    source: { kind: 'birthright', reference: 'policy', policyVersion: 1 },
    durationMs: null,
  });
  const handMade = traffic.pick(10) === 0;
  const held: TrafficAssignment[] = [];
  for (let stint = 1; stint <= (traffic.pick(6) === 0 ? 2 : 1); stint += 1) {
    // Only in hand-made histories: an assignment recorded before the identity's first event.
    if (handMade && stint === 1) {
      const early = birthright('wiki', stint);
      add(traffic, early);
      held.push(early);
      yield;
    }
    traffic.identity(employeeNumber, {
      type: 'IdentityHired',
      data: { identityId, employeeNumber, attributes: attributesOf(person), startDate: '2026-03-02' },
    });
    yield;
    const joiner = traffic.identity(employeeNumber, {
      type: 'IdentityActivated',
      data: { identityId, employeeNumber, attributes: attributesOf(person), lifecycle: 'joiner' },
    });
    const grants = [birthright(APPLICATIONS[traffic.pick(2)]!, stint), birthright('git', stint)];
    for (const grant of grants) {
      const recorded = add(traffic, grant, joiner.metadata.eventId);
      if (traffic.pick(8) === 0) traffic.duplicate(recorded);
    }
    held.push(...grants);
    yield;
    for (const grant of grants) {
      if (traffic.pick(4) === 0) {
        fail(traffic, grant, 'grant');
        yield;
      }
      provision(traffic, grant);
      yield;
    }
    if (traffic.pick(2) === 0) {
      yield* mover(traffic, employeeNumber, held, () => birthright('erp', stint));
    }
    const jitCount = traffic.pick(3);
    for (let jit = 0; jit < jitCount; jit += 1) yield* justInTime(traffic, employeeNumber, `${stint}-${jit}`, held);
    if (stint === 2 || traffic.pick(3) !== 0) yield* leaver(traffic, employeeNumber, held);
  }
}

function* mover(
  traffic: LifecycleTraffic,
  employeeNumber: string,
  held: TrafficAssignment[],
  newGrant: () => TrafficAssignment,
): Generator<void, void, void> {
  const identityId = identityIdOf(employeeNumber);
  const move = traffic.identity(employeeNumber, {
    type: 'IdentityMoved',
    data: {
      identityId,
      effectiveDate: '2026-04-01',
      before: { department: 'Sales' },
      after: { department: 'Finance' },
      lifecycle: 'mover',
    },
  });
  const dropped = held.find((assignment) => assignment.source.kind === 'birthright' && assignment.applicationId !== 'git');
  const gained = newGrant();
  if (dropped) revoke(traffic, dropped, 'no-longer-birthright', move.metadata.eventId);
  add(traffic, gained, move.metadata.eventId);
  held.push(gained);
  yield;
  if (dropped) {
    acknowledgeRevocation(traffic, dropped);
    held.splice(held.indexOf(dropped), 1);
  }
  provision(traffic, gained);
  yield;
}

function* justInTime(
  traffic: LifecycleTraffic,
  employeeNumber: string,
  label: string,
  held: TrafficAssignment[],
): Generator<void, void, void> {
  const identityId = identityIdOf(employeeNumber);
  const requestId = `r-${employeeNumber}-${label}`;
  const assignment: TrafficAssignment = {
    assignmentId: `jit-${employeeNumber}-${label}`,
    identityId,
    applicationId: 'aws',
    entitlementKey: 'prod-admin',
    source: { kind: 'request', reference: requestId, policyVersion: null },
    durationMs: 2 * HOUR,
  };
  const approvers = ['1001', '1002'];
  traffic.request(requestId, {
    type: 'AccessRequested',
    data: {
      requestId,
      identityId,
      subjectEmployeeNumber: employeeNumber,
      requesterEmployeeNumber: employeeNumber,
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      justification: `${requestId}: incident`,
      requestedDurationHours: 2,
      breakGlass: false,
      extensionOf: null,
      decision: allowedDecision(),
      chain: approvers.map((approver) => step([approver])),
      requestedAt: traffic.later(0),
    },
  });
  for (const [stepIndex, approver] of approvers.entries()) {
    const openedAt = traffic.later(0);
    traffic.request(requestId, {
      type: 'ApprovalStepOpened',
      data: {
        requestId,
        stepIndex,
        approvers: [approver],
        toAdministrators: false,
        escalatesAt: new Date(Date.parse(openedAt) + 48 * HOUR).toISOString(),
        openedAt,
      },
    });
    yield;
    // Some requests wait: their escalation timer stays.
    if (traffic.pick(5) === 0) return;
    traffic.request(requestId, {
      type: 'ApprovalGiven',
      data: { requestId, stepIndex, by: { kind: 'person', employeeNumber: approver }, comment: 'ok', approvedAt: traffic.later() },
    });
  }
  const approvedAt = traffic.later();
  traffic.request(requestId, {
    type: 'AccessRequestApproved',
    data: { requestId, identityId, how: 'approvals', reasons: [], grantedDurationHours: 2, approvedAt },
  });
  traffic.request(requestId, {
    type: 'AccessGranted',
    data: {
      requestId,
      identityId,
      assignmentId: assignment.assignmentId,
      breakGlass: false,
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      grantedAt: approvedAt,
    },
  });
  add(traffic, assignment);
  held.push(assignment);
  yield;
  const provisioned = provision(traffic, assignment);
  let validUntil = (provisioned.data as { validUntil: string }).validUntil;
  yield;
  for (let extension = 0; extension < traffic.pick(3); extension += 1) {
    validUntil = new Date(Date.parse(validUntil) + HOUR).toISOString();
    const extendedAt = traffic.later();
    const extensionRequest = `${requestId}-x${extension}`;
    const recorded = traffic.assignment(identityId, {
      type: 'AssignmentExtended',
      data: { assignmentId: assignment.assignmentId, identityId, validUntil, requestId: extensionRequest, extendedAt },
    });
    if (traffic.pick(3) === 0) traffic.duplicate(recorded);
    yield;
  }
  // Most grants expire; some are still held (their expiry timer stays).
  if (traffic.pick(4) === 0) return;
  revoke(traffic, assignment, 'expired');
  yield;
  acknowledgeRevocation(traffic, assignment);
  held.splice(held.indexOf(assignment), 1);
  yield;
}

function* leaver(traffic: LifecycleTraffic, employeeNumber: string, held: TrafficAssignment[]): Generator<void, void, void> {
  const identityId = identityIdOf(employeeNumber);
  const termination = traffic.identity(employeeNumber, {
    type: 'IdentityTerminated',
    data: { identityId, employeeNumber, terminationDate: '2026-05-29', lifecycle: 'leaver' },
  });
  const cause = termination.metadata.eventId;
  const leaving = held.splice(0, held.length);
  for (const assignment of leaving) revoke(traffic, assignment, 'leaver', cause);
  traffic.assignment(
    identityId,
    { type: 'IdentityMarkedTerminated', data: { identityId, identityRevision: 0, terminatedAt: traffic.later(0) } },
    cause,
  );
  yield;
  const operations = leaving.slice(0, 2).map((assignment) => `disable.${assignment.assignmentId}`);
  const outcome = (operationId: string, failed: boolean) =>
    traffic.append(
      operationStreamId(operationId),
      failed
        ? {
            type: 'OperationFailed',
            data: {
              ...operationRef(operationId, identityId),
              errorKind: 'rejected',
              message: 'locked',
              attempts: 3,
              failedAt: traffic.later(),
            },
          }
        : {
            type: 'AccountDisabled',
            data: {
              ...operationRef(operationId, identityId),
              userName: `user-${employeeNumber}`,
              completedAt: traffic.later(),
              via: 'connector',
            },
          },
      CONNECTOR,
    );
  // A disable's outcome may be in the log before its plan.
  const early = traffic.pick(2) === 0 ? operations[0] : undefined;
  if (early) outcome(early, traffic.pick(3) === 0);
  traffic.append(
    killSwitchStreamId(cause),
    { type: 'KillSwitchPlanned', data: { identityId, terminationEventId: cause, operationIds: operations, plannedAt: traffic.later() } },
    CONNECTOR,
  );
  yield;
  for (const operationId of operations) {
    // A failure, retried and then done; or left failed.
    if (traffic.pick(4) === 0) outcome(operationId, true);
    if (traffic.pick(5) !== 0) outcome(operationId, false);
    yield;
  }
  for (const assignment of leaving) {
    if (traffic.pick(6) === 0) fail(traffic, assignment, 'revoke');
    acknowledgeRevocation(traffic, assignment);
    yield;
  }
}

function operationRef(operationId: string, identityId: string) {
  return { operationId, action: 'disable-account' as const, applicationId: 'crm', identityId, assignmentId: null, entitlementKey: null };
}

/**
 * A review campaign over assignments added so far: decisions, a reassignment, a withdrawal,
 * reminders (the last one past the deadline schedules none), then closed at the deadline with the
 * undecided items defaulted, or left open (its timers stay). Its start is delivered twice at times.
 */
function* campaignStory(traffic: LifecycleTraffic, index: number): Generator<void, void, void> {
  for (let wait = 0; wait < 3 + index * 2; wait += 1) yield;
  const campaignId = `campaign-${index}`;
  const startedAt = traffic.later(0);
  const deadline = new Date(Date.parse(startedAt) + 100 * HOUR).toISOString();
  const chosen = traffic.added.filter(() => traffic.pick(6) === 0).slice(0, 8);
  const items: ReviewItem[] = chosen.map((assignment, position) => ({
    itemId: `${campaignId}-item-${position}`,
    assignmentId: assignment.assignmentId,
    identityId: assignment.identityId,
    employeeNumber: assignment.identityId.replace('identity-id-', ''),
    applicationId: assignment.applicationId,
    entitlementKey: assignment.entitlementKey,
    source: assignment.source,
    reviewer: position % 3 === 2 ? { kind: 'administrators' } : { kind: 'person', employeeNumber: '1001' },
  }));
  const start = traffic.review({
    type: 'ReviewCampaignStarted',
    data: {
      campaignId,
      name: `Quarterly review ${index}`,
      scope: { kind: 'application', applicationId: 'aws' },
      reviewerRule: 'manager',
      startedBy: '1001',
      startedAt,
      deadline,
      defaultAction: index % 2 === 0 ? 'revoke' : 'keep',
      reminderIntervalHours: 36,
      items,
    },
  });
  if (traffic.pick(2) === 0) traffic.duplicate(start);
  yield;
  for (const item of items) {
    const roll = traffic.pick(5);
    if (roll === 0) {
      traffic.review({
        type: 'ReviewItemReassigned',
        data: {
          campaignId,
          itemId: item.itemId,
          from: item.reviewer,
          to: { kind: 'person', employeeNumber: '1002' },
          reason: 'reviewer-left',
          reassignedAt: traffic.later(),
        },
      });
    } else if (roll === 1) {
      traffic.review({
        type: 'ReviewItemWithdrawn',
        data: { campaignId, itemId: item.itemId, reason: 'subject-left', withdrawnAt: traffic.later() },
      });
    } else if (roll <= 3) {
      const decided = traffic.review({
        type: 'ReviewItemDecided',
        data: {
          campaignId,
          itemId: item.itemId,
          assignmentId: item.assignmentId,
          identityId: item.identityId,
          decision: roll === 2 ? 'keep' : 'revoke',
          comment: roll === 2 ? '' : 'not needed',
          decidedBy: item.reviewer.kind === 'person' ? item.reviewer : { kind: 'administrator', id: 'admin-1' },
          decidedAt: traffic.later(),
        },
      });
      if (traffic.pick(4) === 0) traffic.duplicate(decided);
    }
    yield;
  }
  // Reminders at 36 h, 72 h: the one after 72 h would pass the 100 h deadline, so none is scheduled.
  for (let reminder = 1; reminder <= 1 + traffic.pick(2); reminder += 1) {
    const dueAt = new Date(Date.parse(startedAt) + reminder * 36 * HOUR).toISOString();
    traffic.review({ type: 'ReviewRemindersSent', data: { campaignId, dueAt, sentAt: traffic.later(), reviewers: [] } });
    yield;
  }
  if (index % 3 === 2) return;
  traffic.review({
    type: 'ReviewCampaignClosed',
    data: {
      campaignId,
      reason: 'deadline',
      closedAt: traffic.later(),
      defaultAction: index % 2 === 0 ? 'revoke' : 'keep',
      defaulted: items.map(({ itemId, assignmentId, identityId }) => ({ itemId, assignmentId, identityId })),
    },
  });
}
