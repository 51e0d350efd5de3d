import {
  ASSIGNMENTS_STREAM_PREFIX,
  IDENTITY_STREAM_PREFIX,
  POLICY_SET_STREAM_ID,
  PUBLISHED_IDENTITY_EVENT_TYPES,
  SOD_EXCEPTION_STREAM_PREFIX,
  type AssignmentRevocationReason,
  type PublishedAssignmentRevoked,
  type PublishedIdentityEvent,
  type PublishedPolicyPublished,
  type PublishedSodExceptionGranted,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { BirthrightInput } from '../domain/birthright';

/** The events the birthright process reads; everything else in those streams changes nothing it decides. */
export const BIRTHRIGHT_EVENT_TYPES: readonly string[] = [
  ...PUBLISHED_IDENTITY_EVENT_TYPES,
  'PolicyPublished' satisfies PublishedPolicyPublished['type'],
  // A new SoD exception may lift a block on a birthright addition (preventive SoD).
  'SodExceptionGranted' satisfies PublishedSodExceptionGranted['type'],
  // Requested access that ends may have covered an entitlement birthright also gives (see below).
  'AssignmentRevoked' satisfies PublishedAssignmentRevoked['type'],
];
export const BIRTHRIGHT_STREAM_PREFIXES: readonly string[] = [
  IDENTITY_STREAM_PREFIX,
  POLICY_SET_STREAM_ID,
  SOD_EXCEPTION_STREAM_PREFIX,
  ASSIGNMENTS_STREAM_PREFIX,
];

/**
 * Birthright is not assigned twice: an entitlement held by request is not added again as birthright.
 * When such access ends by itself (expiry, cancellation), the identity is re-evaluated so that what
 * birthright gives comes back as birthright. Review and administrator revocations are decisions
 * about the entitlement and are not undone here.
 */
const REVOCATIONS_THAT_REEVALUATE: readonly AssignmentRevocationReason[] = ['expired', 'cancelled'];

/** An input and the event that caused it (the commands' causation and correlation). */
export interface CausedInput {
  readonly input: BirthrightInput;
  readonly cause: RecordedEvent;
}

/** What one identity has to go through, in this order: its lifecycle inputs in log order, then one re-evaluation. */
export interface IdentityWork {
  readonly lifecycle: CausedInput[];
  /** The last event that asked for a re-evaluation; null when none did. */
  reevaluationCause: RecordedEvent | null;
}

/** What a batch of events asks of the birthright process, before looking anything up. */
export interface BirthrightScope {
  /** By identity id, in order of first appearance. */
  readonly identities: Map<string, IdentityWork>;
  /** A version was published: everyone active or on leave is re-evaluated (the last publication is the cause). */
  readonly publication: RecordedEvent | null;
  /**
   * Employee numbers whose place in the hierarchy changed (a new manager, or a hire who may be the
   * manager someone names): the manager chains below them changed, and "reports to" tests them.
   */
  readonly hierarchyChangedAt: Map<string, RecordedEvent>;
}

/**
 * Reads a batch. Level-triggered where it can be: a re-evaluation compares birthright with what is
 * assigned, so several in a batch collapse into one. Edge-triggered where the change itself is the
 * point: a termination (everything goes, reason `leaver`) and a rehire (lifts it), each remembered
 * by its identity revision. A hire (pre-hire until activation) and a leave, started or ended (access
 * is kept as it is, see assignableBirthright), ask for nothing.
 */
export function birthrightScope(events: readonly RecordedEvent[]): BirthrightScope {
  const identities = new Map<string, IdentityWork>();
  const hierarchyChangedAt = new Map<string, RecordedEvent>();
  let publication: RecordedEvent | null = null;
  const workOf = (identityId: string): IdentityWork => {
    let work = identities.get(identityId);
    if (!work) identities.set(identityId, (work = { lifecycle: [], reevaluationCause: null }));
    return work;
  };

  for (const event of events) {
    if (event.streamId === POLICY_SET_STREAM_ID) {
      if (event.type === 'PolicyPublished') publication = event;
      continue;
    }
    if (event.streamId.startsWith(SOD_EXCEPTION_STREAM_PREFIX)) {
      // The exception may let a blocked birthright addition through: its identity is re-evaluated.
      if (event.type === 'SodExceptionGranted')
        workOf((event as unknown as PublishedSodExceptionGranted).data.identityId).reevaluationCause ??= event;
      continue;
    }
    if (event.streamId.startsWith(ASSIGNMENTS_STREAM_PREFIX)) {
      const revoked = event as unknown as PublishedAssignmentRevoked;
      if (event.type === 'AssignmentRevoked' && REVOCATIONS_THAT_REEVALUATE.includes(revoked.data.reason))
        workOf(revoked.data.identityId).reevaluationCause ??= event;
      continue;
    }
    if (!event.streamId.startsWith(IDENTITY_STREAM_PREFIX) || !BIRTHRIGHT_EVENT_TYPES.includes(event.type)) continue;
    const identityEvent = event as unknown as PublishedIdentityEvent;
    const { identityId } = identityEvent.data;
    const employeeNumber = event.streamId.slice(IDENTITY_STREAM_PREFIX.length);
    const identityRevision = Number(event.revision);
    switch (identityEvent.type) {
      case 'IdentityHired':
        hierarchyChangedAt.set(employeeNumber, event);
        break;
      case 'IdentityRehired':
        hierarchyChangedAt.set(employeeNumber, event);
        workOf(identityId).lifecycle.push({ input: { type: 'IdentityRehired', identityRevision }, cause: event });
        break;
      case 'IdentityActivated':
        hierarchyChangedAt.set(employeeNumber, event);
        workOf(identityId).reevaluationCause = event;
        break;
      case 'IdentityMoved':
      case 'IdentityAttributesUpdated':
        if (identityEvent.data.after.managerEmployeeNumber !== undefined) hierarchyChangedAt.set(employeeNumber, event);
        workOf(identityId).reevaluationCause = event;
        break;
      case 'IdentityLeaveStarted':
      case 'IdentityReturnedFromLeave':
        break;
      case 'IdentityTerminated':
        workOf(identityId).lifecycle.push({ input: { type: 'IdentityTerminated', identityRevision }, cause: event });
        break;
    }
  }
  return { identities, publication, hierarchyChangedAt };
}

/** Nothing to decide: no identity named, no publication, no hierarchy change. */
export function isEmptyScope(scope: BirthrightScope): boolean {
  return scope.identities.size === 0 && scope.publication === null && scope.hierarchyChangedAt.size === 0;
}
