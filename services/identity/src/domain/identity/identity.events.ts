import { erasePersonalAttributes } from '@tenure/contracts';
import type { DomainEvent } from '@tenure/event-sourcing';
import type { HrAttributes, HrSource } from '../hr-record';
import { applyAttributes, type AttributeValues } from './attribute-diff';
import { assertNever } from './assert-never';
import { minDate, type IsoDate } from './dates';

// ---------------------------------------------------------------- events
// Plain, JSON-serialisable data. Every event names its identity; every change that came from HR
// (directly or through a schedule) carries the HR source that asked for it. The classified JML
// events carry `lifecycle`, so consumers filter on it instead of recomputing diffs.

export type IdentityHired = DomainEvent<
  'IdentityHired',
  {
    readonly identityId: string;
    readonly employeeNumber: string;
    /** 1 for a hire; counts employments across rehires. */
    readonly employment: number;
    readonly attributes: HrAttributes;
    readonly startDate: IsoDate;
    readonly source: HrSource;
  }
>;

/** A terminated person is employed again: same identity and employee number, next employment. */
export type IdentityRehired = DomainEvent<
  'IdentityRehired',
  {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly employment: number;
    readonly attributes: HrAttributes;
    readonly startDate: IsoDate;
    readonly source: HrSource;
  }
>;

/** HR moved the start date of the current employment (before it began, or as a correction). */
export type IdentityStartDateChanged = DomainEvent<
  'IdentityStartDateChanged',
  {
    readonly identityId: string;
    readonly previousStartDate: IsoDate;
    readonly startDate: IsoDate;
    readonly source: HrSource;
  }
>;

/** The joiner event: the start date is reached; the attributes are the ones the person starts with. */
export type IdentityActivated = DomainEvent<
  'IdentityActivated',
  {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly employment: number;
    readonly startDate: IsoDate;
    readonly attributes: HrAttributes;
    readonly lifecycle: 'joiner';
    readonly source: HrSource;
  }
>;

interface AttributeChangeData {
  readonly identityId: string;
  /** The date HR gave the change (today when it gave none); the change is in effect from then on. */
  readonly effectiveDate: IsoDate;
  /** Exactly the changed attributes (mover and others alike), before and after. */
  readonly before: AttributeValues;
  readonly after: AttributeValues;
  readonly source: HrSource;
}

/** Department, title, manager or cost center changed (maybe with other attributes) for someone who holds access. */
export type IdentityMoved = DomainEvent<'IdentityMoved', AttributeChangeData & { readonly lifecycle: 'mover' }>;

/** Any other change of attributes (also every change before the start date or on the way out). */
export type IdentityAttributesUpdated = DomainEvent<'IdentityAttributesUpdated', AttributeChangeData & { readonly lifecycle: 'update' }>;

/** A change that takes effect on a future date. Several for the same date merge (the later value wins). */
export type AttributeChangeScheduled = DomainEvent<
  'AttributeChangeScheduled',
  {
    readonly identityId: string;
    readonly effectiveDate: IsoDate;
    readonly changes: AttributeValues;
    readonly source: HrSource;
  }
>;

/** A scheduled change came due but changed nothing any more (the attributes already had those values). */
export type ScheduledAttributeChangeDiscarded = DomainEvent<
  'ScheduledAttributeChangeDiscarded',
  {
    readonly identityId: string;
    readonly effectiveDate: IsoDate;
    readonly reason: 'no-difference';
    readonly source: HrSource;
  }
>;

export type IdentityLeaveStarted = DomainEvent<
  'IdentityLeaveStarted',
  {
    readonly identityId: string;
    readonly effectiveDate: IsoDate;
    readonly reason: string | null;
    readonly source: HrSource;
  }
>;

export type IdentityReturnedFromLeave = DomainEvent<
  'IdentityReturnedFromLeave',
  {
    readonly identityId: string;
    readonly effectiveDate: IsoDate;
    readonly source: HrSource;
  }
>;

/** Termination on a future date; replaces an earlier scheduled date. */
export type TerminationScheduled = DomainEvent<
  'TerminationScheduled',
  {
    readonly identityId: string;
    readonly effectiveDate: IsoDate;
    readonly reason: string | null;
    readonly source: HrSource;
  }
>;

export type TerminationCancelled = DomainEvent<
  'TerminationCancelled',
  {
    readonly identityId: string;
    /** The date the cancelled termination would have taken effect. */
    readonly effectiveDate: IsoDate;
    readonly source: HrSource;
  }
>;

/** The leaver event: all access goes (kill switch). Pending scheduled changes are dropped. */
export type IdentityTerminated = DomainEvent<
  'IdentityTerminated',
  {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly employment: number;
    readonly terminationDate: IsoDate;
    readonly reason: string | null;
    readonly lifecycle: 'leaver';
    readonly source: HrSource;
  }
>;

/**
 * A former employee's personal data was erased on legal request: their data key is destroyed right
 * after this event, so the personal fields of every earlier event read as erased. Carries no
 * personal data itself (docs/personal-data.md).
 */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  {
    readonly identityId: string;
    readonly employeeNumber: string;
    /** The legal request (case number, article and date) the erasure answers. */
    readonly legalReference: string;
    /** The administrator who erased it (also in the event's actor). */
    readonly erasedBy: string;
    readonly erasedAt: string;
  }
>;

export type IdentityEvent =
  | IdentityHired
  | IdentityRehired
  | IdentityStartDateChanged
  | IdentityActivated
  | IdentityMoved
  | IdentityAttributesUpdated
  | AttributeChangeScheduled
  | ScheduledAttributeChangeDiscarded
  | IdentityLeaveStarted
  | IdentityReturnedFromLeave
  | TerminationScheduled
  | TerminationCancelled
  | IdentityTerminated
  | PersonalDataErased;

export type IdentityEventType = IdentityEvent['type'];

// ---------------------------------------------------------------- state

export const IDENTITY_STATUSES = ['unknown', 'pre-hire', 'active', 'on-leave', 'terminated'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

export interface ScheduledAttributeChange {
  readonly effectiveDate: IsoDate;
  readonly changes: AttributeValues;
  readonly source: HrSource;
}

export interface ScheduledTermination {
  readonly effectiveDate: IsoDate;
  readonly reason: string | null;
  readonly source: HrSource;
}

/** No event yet: the employee number was never hired. */
export interface UnknownIdentity {
  readonly status: 'unknown';
  readonly nextDueDate: null;
}

interface KnownIdentity {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly employment: number;
  readonly attributes: HrAttributes;
  readonly startDate: IsoDate;
  /** The source that set the start date (hire, rehire or its change): the activation carries it. */
  readonly startSource: HrSource;
}

/** Hired and not terminated: before the start date, working, or on leave. */
export interface CurrentIdentity extends KnownIdentity {
  readonly status: 'pre-hire' | 'active' | 'on-leave';
  /** Sorted by date, at most one per date. */
  readonly scheduledChanges: readonly ScheduledAttributeChange[];
  readonly scheduledTermination: ScheduledTermination | null;
  /** The earliest date something takes effect (activation, scheduled change, termination): when the timer must fire. */
  readonly nextDueDate: IsoDate | null;
}

export interface TerminatedIdentity extends KnownIdentity {
  readonly status: 'terminated';
  readonly terminationDate: IsoDate;
  readonly nextDueDate: null;
  /** Set when the personal data of this employment was erased; a rehire starts without it. */
  readonly personalDataErasedAt?: string;
}

export type IdentityState = UnknownIdentity | CurrentIdentity | TerminatedIdentity;

export function initialState(): IdentityState {
  return { status: 'unknown', nextDueDate: null };
}

// ---------------------------------------------------------------- evolve

export function evolve(state: IdentityState, event: IdentityEvent): IdentityState {
  switch (event.type) {
    case 'IdentityHired':
    case 'IdentityRehired': {
      const { identityId, employeeNumber, employment, attributes, startDate, source } = event.data;
      return withNextDueDate({
        status: 'pre-hire',
        identityId,
        employeeNumber,
        employment,
        attributes,
        startDate,
        startSource: source,
        scheduledChanges: [],
        scheduledTermination: null,
        nextDueDate: null,
      });
    }
    case 'IdentityStartDateChanged':
      return onCurrent(state, (current) => ({ ...current, startDate: event.data.startDate, startSource: event.data.source }));
    case 'IdentityActivated':
      return onCurrent(state, (current) => ({ ...current, status: 'active' }));
    case 'IdentityMoved':
    case 'IdentityAttributesUpdated':
      // Every schedule up to this date is settled: due ones are always applied before anything else is decided.
      return onCurrent(state, (current) => ({
        ...current,
        attributes: applyAttributes(current.attributes, event.data.after),
        scheduledChanges: current.scheduledChanges.filter((change) => change.effectiveDate > event.data.effectiveDate),
      }));
    case 'AttributeChangeScheduled':
      return onCurrent(state, (current) => ({ ...current, scheduledChanges: mergeSchedule(current.scheduledChanges, event.data) }));
    case 'ScheduledAttributeChangeDiscarded':
      return onCurrent(state, (current) => ({
        ...current,
        scheduledChanges: current.scheduledChanges.filter((change) => change.effectiveDate !== event.data.effectiveDate),
      }));
    case 'IdentityLeaveStarted':
      return onCurrent(state, (current) => ({ ...current, status: 'on-leave' }));
    case 'IdentityReturnedFromLeave':
      return onCurrent(state, (current) => ({ ...current, status: 'active' }));
    case 'TerminationScheduled': {
      const { effectiveDate, reason, source } = event.data;
      return onCurrent(state, (current) => ({ ...current, scheduledTermination: { effectiveDate, reason, source } }));
    }
    case 'TerminationCancelled':
      return onCurrent(state, (current) => ({ ...current, scheduledTermination: null }));
    case 'IdentityTerminated': {
      if (state.status === 'unknown' || state.status === 'terminated') return state;
      const { identityId, employeeNumber, employment, attributes, startDate, startSource } = state;
      return {
        status: 'terminated',
        identityId,
        employeeNumber,
        employment,
        attributes,
        startDate,
        startSource,
        terminationDate: event.data.terminationDate,
        nextDueDate: null,
      };
    }
    case 'PersonalDataErased':
      // The same blanks a rebuild reads from the log once the key is gone, so both agree.
      if (state.status !== 'terminated') return state;
      return { ...state, attributes: erasePersonalAttributes(state.attributes), personalDataErasedAt: event.data.erasedAt };
    default:
      return assertNever(event);
  }
}

/** Events that only make sense for a hired, not terminated identity leave any other state as it is. */
function onCurrent(state: IdentityState, change: (current: CurrentIdentity) => CurrentIdentity): IdentityState {
  if (state.status === 'unknown' || state.status === 'terminated') return state;
  return withNextDueDate(change(state));
}

function withNextDueDate(current: CurrentIdentity): CurrentIdentity {
  const nextDueDate = minDate([
    current.status === 'pre-hire' ? current.startDate : null,
    current.scheduledChanges[0]?.effectiveDate ?? null,
    current.scheduledTermination?.effectiveDate ?? null,
  ]);
  return { ...current, nextDueDate };
}

function mergeSchedule(
  schedule: readonly ScheduledAttributeChange[],
  added: { readonly effectiveDate: IsoDate; readonly changes: AttributeValues; readonly source: HrSource },
): readonly ScheduledAttributeChange[] {
  const existing = schedule.find((change) => change.effectiveDate === added.effectiveDate);
  const merged: ScheduledAttributeChange = {
    effectiveDate: added.effectiveDate,
    changes: { ...existing?.changes, ...added.changes },
    source: added.source,
  };
  return [...schedule.filter((change) => change !== existing), merged].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
}
