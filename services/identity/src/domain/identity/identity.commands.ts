import { DomainError } from '@tenure/event-sourcing';
import type { HrAttributes, HrRecord, HrSource } from '../hr-record';
import { definedOnly, type AttributeValues } from './attribute-diff';
import { attributeChangeEvents, scheduleAttributeChangeEvents } from './attribute-change';
import { assertIsoDate, utcDateOf, type IsoDate } from './dates';
import { applyDueChanges, thenApplyDue } from './due-changes';
import {
  alreadyHired,
  assertEmployeeNumber,
  assertNotOwnManager,
  illegalInStatus,
  identityNotHired,
  requireCurrent,
} from './identity-errors';
import { assertNever } from './assert-never';
import type { IdentityEvent, IdentityState } from './identity.events';
import { decideErasePersonalData } from './personal-data-erasure';
import { decideSyncFromHr } from './sync-from-hr';
import { terminationEvents } from './termination';

// Every command carries `now`, the instant it is decided at; "today" is its UTC date (see dates.ts).
// Changes that come from HR carry the HR source, which the resulting events keep.

/** Hire under a new employee number; pre-hire until `startDate`, activated (joiner) from it. */
export interface Hire {
  readonly type: 'Hire';
  readonly data: {
    readonly identityId: string;
    readonly employeeNumber: string;
    readonly attributes: HrAttributes;
    readonly startDate: IsoDate;
    readonly now: Date;
    readonly source: HrSource;
  };
}

/** Employ a terminated identity again; the new start date must lie after the termination date. */
export interface Rehire {
  readonly type: 'Rehire';
  readonly data: { readonly attributes: HrAttributes; readonly startDate: IsoDate; readonly now: Date; readonly source: HrSource };
}

/** Change some attributes, now (`effectiveDate` null, today or past) or on a future date. */
export interface ChangeAttributes {
  readonly type: 'ChangeAttributes';
  readonly data: {
    readonly changes: AttributeValues;
    readonly effectiveDate: IsoDate | null;
    readonly now: Date;
    readonly source: HrSource;
  };
}

export interface StartLeave {
  readonly type: 'StartLeave';
  readonly data: { readonly reason: string | null; readonly now: Date; readonly source: HrSource };
}

export interface ReturnFromLeave {
  readonly type: 'ReturnFromLeave';
  readonly data: { readonly now: Date; readonly source: HrSource };
}

/** Terminate now (`effectiveDate` null, today or past) or on a future date. */
export interface Terminate {
  readonly type: 'Terminate';
  readonly data: { readonly effectiveDate: IsoDate | null; readonly reason: string | null; readonly now: Date; readonly source: HrSource };
}

export interface CancelTermination {
  readonly type: 'CancelTermination';
  readonly data: { readonly now: Date; readonly source: HrSource };
}

/** The timer: applies everything due at `now` (fire it on or after the state's `nextDueDate`). */
export interface ApplyDueChanges {
  readonly type: 'ApplyDueChanges';
  readonly data: { readonly now: Date };
}

/**
 * The single entry for HR inputs (SCIM, CSV, webhook): the whole record as HR has it now; the
 * decider works out what follows. `identityId` is used only if the record hires a new person.
 */
export interface SyncFromHr {
  readonly type: 'SyncFromHr';
  readonly data: { readonly identityId: string; readonly record: HrRecord; readonly now: Date; readonly source: HrSource };
}

/**
 * Erase a former employee's personal data on legal request (recorded here; the application layer
 * then destroys the person's data key). Refused while the person is employed.
 */
export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  readonly data: { readonly legalReference: string; readonly erasedBy: string; readonly now: Date };
}

export type IdentityCommand =
  | Hire
  | Rehire
  | ChangeAttributes
  | StartLeave
  | ReturnFromLeave
  | Terminate
  | CancelTermination
  | ApplyDueChanges
  | SyncFromHr
  | ErasePersonalData;

export type IdentityCommandType = IdentityCommand['type'];

/**
 * Decides what a command changes. Whatever was already due at `now` is applied first (and its
 * events come first), so a late timer never leaves a command deciding against an outdated state.
 *
 * Invariants across identities (no manager cycles; an unknown manager is linked once they appear)
 * need the read model of all identities: the application layer checks them, not this decider.
 */
export function decide(command: IdentityCommand, state: IdentityState): readonly IdentityEvent[] {
  const today = utcDateOf(command.data.now, subjectOf(command, state));
  const caughtUp = applyDueChanges(state, today);
  return [...caughtUp.events, ...decideCommand(command, caughtUp.state, today)];
}

function decideCommand(command: IdentityCommand, state: IdentityState, today: IsoDate): readonly IdentityEvent[] {
  switch (command.type) {
    case 'Hire':
      return decideHire(command.data, state, today);
    case 'Rehire':
      return decideRehire(command.data, state, today);
    case 'ChangeAttributes':
      return decideChangeAttributes(command.data, state, today);
    case 'StartLeave': {
      const current = requireCurrent(state, 'starting a leave of absence');
      if (current.status === 'pre-hire') throw illegalInStatus(current, 'starting a leave of absence', 'the employment has not started');
      if (current.status === 'on-leave') return [];
      const { reason, source } = command.data;
      return [{ type: 'IdentityLeaveStarted', data: { identityId: current.identityId, effectiveDate: today, reason, source } }];
    }
    case 'ReturnFromLeave': {
      const current = requireCurrent(state, 'returning from leave');
      if (current.status === 'pre-hire') throw illegalInStatus(current, 'returning from leave', 'the employment has not started');
      if (current.status === 'active') return [];
      return [
        { type: 'IdentityReturnedFromLeave', data: { identityId: current.identityId, effectiveDate: today, source: command.data.source } },
      ];
    }
    case 'Terminate': {
      const current = requireCurrent(state, 'terminating');
      const { effectiveDate, reason, source } = command.data;
      const date = effectiveDate === null ? today : assertIsoDate(effectiveDate, 'effectiveDate', current.employeeNumber);
      return terminationEvents(current, { effectiveDate: date, reason, source }, today);
    }
    case 'CancelTermination': {
      const current = requireCurrent(state, 'cancelling a termination');
      const scheduled = current.scheduledTermination;
      if (scheduled === null) throw illegalInStatus(current, 'cancelling a termination', 'no termination is scheduled');
      return [
        {
          type: 'TerminationCancelled',
          data: { identityId: current.identityId, effectiveDate: scheduled.effectiveDate, source: command.data.source },
        },
      ];
    }
    case 'ApplyDueChanges':
      return []; // everything due was applied before the command
    case 'SyncFromHr':
      return decideSyncFromHr(command.data, state, today);
    case 'ErasePersonalData':
      return decideErasePersonalData(command.data, state);
    default:
      return assertNever(command);
  }
}

function decideHire(data: Hire['data'], state: IdentityState, today: IsoDate): readonly IdentityEvent[] {
  const { identityId, employeeNumber, attributes, startDate, source } = data;
  if (state.status !== 'unknown') throw alreadyHired(state);
  assertEmployeeNumber(employeeNumber);
  assertIsoDate(startDate, 'startDate', employeeNumber);
  assertNotOwnManager(employeeNumber, attributes);
  return thenApplyDue(
    state,
    [{ type: 'IdentityHired', data: { identityId, employeeNumber, employment: 1, attributes, startDate, source } }],
    today,
  ).events;
}

function decideRehire(data: Rehire['data'], state: IdentityState, today: IsoDate): readonly IdentityEvent[] {
  if (state.status === 'unknown') throw identityNotHired('rehiring');
  if (state.status !== 'terminated') throw illegalInStatus(state, 'rehiring', 'the person is still employed');
  const { attributes, startDate, source } = data;
  const { identityId, employeeNumber, terminationDate } = state;
  assertIsoDate(startDate, 'startDate', employeeNumber);
  assertNotOwnManager(employeeNumber, attributes);
  if (startDate <= terminationDate) {
    throw new DomainError(
      'validation',
      `employee ${employeeNumber}: a rehire must start after the termination on ${terminationDate}, not on ${startDate}`,
      {
        employeeNumber,
        field: 'startDate',
      },
    );
  }
  const rehired: IdentityEvent = {
    type: 'IdentityRehired',
    data: { identityId, employeeNumber, employment: state.employment + 1, attributes, startDate, source },
  };
  return thenApplyDue(state, [rehired], today).events;
}

function decideChangeAttributes(data: ChangeAttributes['data'], state: IdentityState, today: IsoDate): readonly IdentityEvent[] {
  const current = requireCurrent(state, 'changing attributes');
  const changes = definedOnly(data.changes);
  assertNotOwnManager(current.employeeNumber, changes);
  const effectiveDate = data.effectiveDate === null ? today : assertIsoDate(data.effectiveDate, 'effectiveDate', current.employeeNumber);
  if (effectiveDate <= today) return attributeChangeEvents(current, changes, { effectiveDate, source: data.source, leaving: false });
  return scheduleAttributeChangeEvents(current, changes, { effectiveDate, source: data.source });
}

/** The employee number to name in an error about the command's time. */
function subjectOf(command: IdentityCommand, state: IdentityState): string {
  if (state.status !== 'unknown') return state.employeeNumber;
  if (command.type === 'Hire') return command.data.employeeNumber;
  if (command.type === 'SyncFromHr') return command.data.record.employeeNumber;
  return '(not hired)';
}
