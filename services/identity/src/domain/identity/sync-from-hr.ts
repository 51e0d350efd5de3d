import { erasePersonalAttributes } from '@tenure/contracts';
import { DomainError } from '@tenure/event-sourcing';
import type { HrRecord, HrSource } from '../hr-record';
import { diffAttributes } from './attribute-diff';
import { attributeChangeEvents } from './attribute-change';
import { assertIsoDate, type IsoDate } from './dates';
import { thenApplyDue } from './due-changes';
import { assertEmployeeNumber, assertNotOwnManager, terminatedIdentityUnchangeable } from './identity-errors';
import type { SyncFromHr } from './identity.commands';
import { assertNever } from './assert-never';
import { evolve, type CurrentIdentity, type IdentityEvent, type IdentityState, type TerminatedIdentity } from './identity.events';
import { terminationEvents } from './termination';

type SyncFromHrData = SyncFromHr['data'];

/** What the record says about the end of the employment it describes. */
type IntendedTermination =
  { readonly kind: 'none' } | { readonly kind: 'now' | 'scheduled'; readonly effectiveDate: IsoDate; readonly reason: string };

export const INACTIVE_IN_HR = 'inactive in HR';
export const TERMINATION_DATE_IN_HR = 'termination date in HR';

/**
 * Compares the whole HR record with the identity and decides what follows. Resending an unchanged
 * record decides nothing (HR feeds resend everything). What `HrRecord` cannot express (leave of
 * absence, future-dated attribute changes) goes through the specific commands.
 */
export function decideSyncFromHr(data: SyncFromHrData, state: IdentityState, today: IsoDate): readonly IdentityEvent[] {
  const { record } = data;
  validateRecord(record);
  const termination = intendedTermination(record, today);
  switch (state.status) {
    case 'unknown':
      return syncNewPerson(data, state, termination, today);
    case 'terminated':
      assertSamePerson(state, record);
      return syncTerminated(data, state, termination, today);
    case 'pre-hire':
    case 'active':
    case 'on-leave':
      assertSamePerson(state, record);
      return syncCurrent(data, state, termination, today);
    default:
      return assertNever(state);
  }
}

function validateRecord(record: HrRecord): void {
  assertEmployeeNumber(record.employeeNumber);
  assertIsoDate(record.startDate, 'startDate', record.employeeNumber);
  if (record.terminationDate !== null) assertIsoDate(record.terminationDate, 'terminationDate', record.employeeNumber);
  assertNotOwnManager(record.employeeNumber, record.attributes);
}

function assertSamePerson(state: CurrentIdentity | TerminatedIdentity, record: HrRecord): void {
  if (state.employeeNumber !== record.employeeNumber) {
    throw new DomainError(
      'validation',
      `the HR record of employee ${record.employeeNumber} was sent to the identity of employee ${state.employeeNumber}`,
      { employeeNumber: record.employeeNumber, identityId: state.identityId },
    );
  }
}

/**
 * `active: false` means a leaver now (on the termination date if that is already past);
 * otherwise a termination date today or earlier means a leaver now, a later one a scheduled leaver.
 * A termination date before the record's start date belongs to an earlier employment and is ignored.
 */
function intendedTermination(record: HrRecord, today: IsoDate): IntendedTermination {
  const date = record.terminationDate !== null && record.terminationDate >= record.startDate ? record.terminationDate : null;
  if (!record.active) return { kind: 'now', effectiveDate: date !== null && date <= today ? date : today, reason: INACTIVE_IN_HR };
  if (date === null) return { kind: 'none' };
  return { kind: date <= today ? 'now' : 'scheduled', effectiveDate: date, reason: TERMINATION_DATE_IN_HR };
}

/**
 * A new person is hired (and activated if their start date is reached). A person HR already lists
 * as a leaver is hired and terminated at once, never activated: they never get access, but their
 * employee number and history are kept, so a later return is a rehire.
 */
function syncNewPerson(data: SyncFromHrData, state: IdentityState, termination: IntendedTermination, today: IsoDate): IdentityEvent[] {
  const { identityId, record, source } = data;
  const hired: IdentityEvent = {
    type: 'IdentityHired',
    data: {
      identityId,
      employeeNumber: record.employeeNumber,
      employment: 1,
      attributes: record.attributes,
      startDate: record.startDate,
      source,
    },
  };
  return startEmployment(hired, state, termination, data, today);
}

/**
 * A terminated identity stays as it is while HR still lists the person as a leaver with the same
 * attributes. An active record starting after the termination is a rehire; anything else would
 * change a terminated identity, which only a rehire may do.
 */
function syncTerminated(
  data: SyncFromHrData,
  state: TerminatedIdentity,
  termination: IntendedTermination,
  today: IsoDate,
): IdentityEvent[] {
  const { record, source } = data;
  if (termination.kind === 'now') {
    // HR may still list an erased leaver with their name: that is not a change, only what Tenure erased.
    const listed = state.personalDataErasedAt === undefined ? record.attributes : erasePersonalAttributes(record.attributes);
    const { changed } = diffAttributes(state.attributes, listed);
    if (changed.length === 0) return [];
    throw terminatedIdentityUnchangeable(state, `changing ${changed.join(', ')}`);
  }
  if (record.startDate <= state.terminationDate) {
    throw terminatedIdentityUnchangeable(
      state,
      `making them active again from ${record.startDate} (a rehire must start after the termination)`,
    );
  }
  const rehired: IdentityEvent = {
    type: 'IdentityRehired',
    data: {
      identityId: state.identityId,
      employeeNumber: state.employeeNumber,
      employment: state.employment + 1,
      attributes: record.attributes,
      startDate: record.startDate,
      source,
    },
  };
  return startEmployment(rehired, state, termination, data, today);
}

function startEmployment(
  started: IdentityEvent,
  state: IdentityState,
  termination: IntendedTermination,
  data: SyncFromHrData,
  today: IsoDate,
): IdentityEvent[] {
  if (termination.kind === 'now') {
    // Straight from pre-hire to terminated, without an activation that would grant access for nothing.
    return [started, ...endEmployment(evolve(state, started), termination, data.source, today)];
  }
  const decided = thenApplyDue(state, [started], today);
  return [...decided.events, ...endEmployment(decided.state, termination, data.source, today)];
}

/**
 * Attributes, then start date, then termination. Attributes first, so a pre-hire whose start date
 * moves to today is activated with the attributes HR has now (a joiner, not a joiner then a mover);
 * termination last, so a leaver's last corrections are kept (and resending the record stays a no-op).
 */
function syncCurrent(data: SyncFromHrData, state: CurrentIdentity, termination: IntendedTermination, today: IsoDate): IdentityEvent[] {
  const { record, source } = data;
  const leavingNow = termination.kind === 'now';
  const changes = attributeChangeEvents(state, record.attributes, { effectiveDate: today, source, leaving: leavingNow });
  let decided = { events: changes, state: changes.reduce<IdentityState>(evolve, state) };

  if (record.startDate !== state.startDate) {
    const startDateChanged: IdentityEvent = {
      type: 'IdentityStartDateChanged',
      data: { identityId: state.identityId, previousStartDate: state.startDate, startDate: record.startDate, source },
    };
    // Someone leaving now is not activated on the way out.
    const next = leavingNow
      ? { events: [startDateChanged], state: evolve(decided.state, startDateChanged) }
      : thenApplyDue(decided.state, [startDateChanged], today);
    decided = { events: [...decided.events, ...next.events], state: next.state };
  }

  return [...decided.events, ...endEmployment(decided.state, termination, source, today)];
}

/** Terminate now, schedule the termination, or cancel a scheduled one that HR no longer has. */
function endEmployment(state: IdentityState, termination: IntendedTermination, source: HrSource, today: IsoDate): IdentityEvent[] {
  if (state.status === 'unknown' || state.status === 'terminated') return [];
  if (termination.kind !== 'none') {
    return terminationEvents(state, { effectiveDate: termination.effectiveDate, reason: termination.reason, source }, today);
  }
  if (state.scheduledTermination === null) return [];
  return [
    {
      type: 'TerminationCancelled',
      data: { identityId: state.identityId, effectiveDate: state.scheduledTermination.effectiveDate, source },
    },
  ];
}
