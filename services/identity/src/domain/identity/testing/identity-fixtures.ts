import type { HrAttributes, HrRecord, HrSource } from '../../hr-record';
import type { AttributeValues } from '../attribute-diff';
import type { IsoDate } from '../dates';
import type { IdentityCommand } from '../identity.commands';
import type { IdentityEvent } from '../identity.events';
import { INACTIVE_IN_HR, TERMINATION_DATE_IN_HR } from '../sync-from-hr';

export const IDENTITY_ID = 'identity-1001';
export const EMPLOYEE = '1001';
export const CSV: HrSource = { kind: 'csv', reference: 'import-1' };
export const SCIM: HrSource = { kind: 'scim', reference: 'request-7' };
export const ADMIN: HrSource = { kind: 'admin', reference: 'admin-3' };

export const ada: HrAttributes = {
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@example.com',
  department: 'Engineering',
  title: 'Engineer',
  managerEmployeeNumber: '2000',
  location: 'London',
  costCenter: 'CC-100',
  employmentType: 'employee',
  custom: { division: 'R&D' },
};

/** An instant on `date` (mid-morning UTC), as commands carry it. */
export function at(date: IsoDate, time = '09:30:00'): Date {
  return new Date(`${date}T${time}.000Z`);
}

export function record(overrides: Partial<HrRecord> = {}): HrRecord {
  return { employeeNumber: EMPLOYEE, attributes: ada, startDate: '2025-03-01', terminationDate: null, active: true, ...overrides };
}

// ---------------------------------------------------------------- commands

export const command = {
  hire: (startDate: IsoDate, today: IsoDate, attributes: HrAttributes = ada): IdentityCommand => ({
    type: 'Hire',
    data: { identityId: IDENTITY_ID, employeeNumber: EMPLOYEE, attributes, startDate, now: at(today), source: CSV },
  }),
  rehire: (startDate: IsoDate, today: IsoDate, attributes: HrAttributes = ada): IdentityCommand => ({
    type: 'Rehire',
    data: { attributes, startDate, now: at(today), source: CSV },
  }),
  change: (changes: AttributeValues, today: IsoDate, effectiveDate: IsoDate | null = null, source: HrSource = CSV): IdentityCommand => ({
    type: 'ChangeAttributes',
    data: { changes, effectiveDate, now: at(today), source },
  }),
  startLeave: (today: IsoDate, reason: string | null = 'parental leave'): IdentityCommand => ({
    type: 'StartLeave',
    data: { reason, now: at(today), source: ADMIN },
  }),
  returnFromLeave: (today: IsoDate): IdentityCommand => ({ type: 'ReturnFromLeave', data: { now: at(today), source: ADMIN } }),
  terminate: (today: IsoDate, effectiveDate: IsoDate | null = null, reason: string | null = 'resigned'): IdentityCommand => ({
    type: 'Terminate',
    data: { effectiveDate, reason, now: at(today), source: ADMIN },
  }),
  cancelTermination: (today: IsoDate): IdentityCommand => ({ type: 'CancelTermination', data: { now: at(today), source: ADMIN } }),
  applyDue: (today: IsoDate, time?: string): IdentityCommand => ({ type: 'ApplyDueChanges', data: { now: at(today, time) } }),
  sync: (hrRecord: HrRecord, today: IsoDate, source: HrSource = CSV): IdentityCommand => ({
    type: 'SyncFromHr',
    data: { identityId: IDENTITY_ID, record: hrRecord, now: at(today), source },
  }),
};

// ---------------------------------------------------------------- events

export const event = {
  hired: (startDate: IsoDate, attributes: HrAttributes = ada, source: HrSource = CSV): IdentityEvent => ({
    type: 'IdentityHired',
    data: { identityId: IDENTITY_ID, employeeNumber: EMPLOYEE, employment: 1, attributes, startDate, source },
  }),
  rehired: (startDate: IsoDate, employment: number, attributes: HrAttributes = ada, source: HrSource = CSV): IdentityEvent => ({
    type: 'IdentityRehired',
    data: { identityId: IDENTITY_ID, employeeNumber: EMPLOYEE, employment, attributes, startDate, source },
  }),
  startDateChanged: (previousStartDate: IsoDate, startDate: IsoDate, source: HrSource = CSV): IdentityEvent => ({
    type: 'IdentityStartDateChanged',
    data: { identityId: IDENTITY_ID, previousStartDate, startDate, source },
  }),
  activated: (startDate: IsoDate, attributes: HrAttributes = ada, employment = 1, source: HrSource = CSV): IdentityEvent => ({
    type: 'IdentityActivated',
    data: { identityId: IDENTITY_ID, employeeNumber: EMPLOYEE, employment, startDate, attributes, lifecycle: 'joiner', source },
  }),
  moved: (effectiveDate: IsoDate, before: AttributeValues, after: AttributeValues, source: HrSource = CSV): IdentityEvent => ({
    type: 'IdentityMoved',
    data: { identityId: IDENTITY_ID, effectiveDate, before, after, source, lifecycle: 'mover' },
  }),
  updated: (effectiveDate: IsoDate, before: AttributeValues, after: AttributeValues, source: HrSource = CSV): IdentityEvent => ({
    type: 'IdentityAttributesUpdated',
    data: { identityId: IDENTITY_ID, effectiveDate, before, after, source, lifecycle: 'update' },
  }),
  changeScheduled: (effectiveDate: IsoDate, changes: AttributeValues, source: HrSource = CSV): IdentityEvent => ({
    type: 'AttributeChangeScheduled',
    data: { identityId: IDENTITY_ID, effectiveDate, changes, source },
  }),
  changeDiscarded: (effectiveDate: IsoDate, source: HrSource = CSV): IdentityEvent => ({
    type: 'ScheduledAttributeChangeDiscarded',
    data: { identityId: IDENTITY_ID, effectiveDate, reason: 'no-difference', source },
  }),
  leaveStarted: (effectiveDate: IsoDate, reason: string | null = 'parental leave'): IdentityEvent => ({
    type: 'IdentityLeaveStarted',
    data: { identityId: IDENTITY_ID, effectiveDate, reason, source: ADMIN },
  }),
  returned: (effectiveDate: IsoDate): IdentityEvent => ({
    type: 'IdentityReturnedFromLeave',
    data: { identityId: IDENTITY_ID, effectiveDate, source: ADMIN },
  }),
  terminationScheduled: (effectiveDate: IsoDate, reason: string | null = 'resigned', source: HrSource = ADMIN): IdentityEvent => ({
    type: 'TerminationScheduled',
    data: { identityId: IDENTITY_ID, effectiveDate, reason, source },
  }),
  terminationCancelled: (effectiveDate: IsoDate, source: HrSource = ADMIN): IdentityEvent => ({
    type: 'TerminationCancelled',
    data: { identityId: IDENTITY_ID, effectiveDate, source },
  }),
  terminated: (terminationDate: IsoDate, employment = 1, reason: string | null = 'resigned', source: HrSource = ADMIN): IdentityEvent => ({
    type: 'IdentityTerminated',
    data: { identityId: IDENTITY_ID, employeeNumber: EMPLOYEE, employment, terminationDate, reason, lifecycle: 'leaver', source },
  }),
};

/** Reasons SyncFromHr gives its terminations. */
export const HR_REASON = { inactive: INACTIVE_IN_HR, terminationDate: TERMINATION_DATE_IN_HR };
