import {
  ASSIGNMENTS_STREAM_PREFIX,
  IDENTITY_STREAM_PREFIX,
  isPublishedAssignmentEvent,
  PUBLISHED_ASSIGNMENT_EVENT_TYPES,
  PUBLISHED_IDENTITY_EVENT_TYPES,
  type PublishedAssignmentEvent,
  type PublishedIdentityEvent,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PolicyPublished } from '../domain/policy-set';
import type { SodExceptionEvent } from '../domain/sod-exception';
import { POLICY_SET_STREAM, SOD_EXCEPTION_STREAM_PREFIX } from './policy-streams';

/** The events detective SoD reacts to; everything else in those streams changes nothing it checks. */
export const DETECTIVE_SOD_EVENT_TYPES: readonly string[] = [
  ...PUBLISHED_IDENTITY_EVENT_TYPES,
  'PolicyPublished' satisfies PolicyPublished['type'],
  ...(['SodExceptionGranted', 'SodExceptionRevoked', 'SodExceptionExpired'] satisfies SodExceptionEvent['type'][]),
  // What an identity holds is its assignments: each addition or revocation may start or end a violation.
  ...PUBLISHED_ASSIGNMENT_EVENT_TYPES,
];
export const DETECTIVE_SOD_STREAM_PREFIXES: readonly string[] = [
  IDENTITY_STREAM_PREFIX,
  POLICY_SET_STREAM,
  SOD_EXCEPTION_STREAM_PREFIX,
  ASSIGNMENTS_STREAM_PREFIX,
];

/** Who has to be checked again after some events, before looking anything up. */
export interface AffectedIdentities {
  /** A new version was published: everyone. */
  readonly everyone: boolean;
  readonly identityIds: ReadonlySet<string>;
  /**
   * Employee numbers whose place in the hierarchy changed (a new manager, or a hire who may be
   * someone's manager not known until now): the manager chains of everyone below them changed, and
   * "reports to" conditions test those chains.
   */
  readonly hierarchyChangedAt: ReadonlySet<string>;
  /** Revocations name the exception only: its identity is looked up. */
  readonly revokedExceptions: ReadonlySet<string>;
}

export function affectedBy(events: readonly RecordedEvent[]): AffectedIdentities {
  let everyone = false;
  const identityIds = new Set<string>();
  const hierarchyChangedAt = new Set<string>();
  const revokedExceptions = new Set<string>();
  for (const event of events) {
    if (event.streamId === POLICY_SET_STREAM) {
      if (event.type === 'PolicyPublished') everyone = true;
    } else if (event.streamId.startsWith(SOD_EXCEPTION_STREAM_PREFIX)) {
      const exceptionEvent = event as unknown as SodExceptionEvent;
      if (exceptionEvent.type === 'SodExceptionGranted' || exceptionEvent.type === 'SodExceptionExpired') {
        identityIds.add(exceptionEvent.data.identityId);
      } else if (exceptionEvent.type === 'SodExceptionRevoked') revokedExceptions.add(exceptionEvent.data.exceptionId);
    } else if (event.streamId.startsWith(ASSIGNMENTS_STREAM_PREFIX)) {
      if (isPublishedAssignmentEvent(event)) identityIds.add((event as unknown as PublishedAssignmentEvent).data.identityId);
    } else if (event.streamId.startsWith(IDENTITY_STREAM_PREFIX) && PUBLISHED_IDENTITY_EVENT_TYPES.includes(event.type as never)) {
      const identityEvent = event as unknown as PublishedIdentityEvent;
      identityIds.add(identityEvent.data.identityId);
      if (changesHierarchy(identityEvent)) hierarchyChangedAt.add(event.streamId.slice(IDENTITY_STREAM_PREFIX.length));
    }
  }
  return { everyone, identityIds, hierarchyChangedAt, revokedExceptions };
}

function changesHierarchy(event: PublishedIdentityEvent): boolean {
  switch (event.type) {
    case 'IdentityHired':
    case 'IdentityRehired':
    case 'IdentityActivated':
      return true;
    case 'IdentityMoved':
    case 'IdentityAttributesUpdated':
      return event.data.after.managerEmployeeNumber !== undefined;
    default:
      return false;
  }
}
