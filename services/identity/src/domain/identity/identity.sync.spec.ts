import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import type { IdentityEvent } from './identity.events';
import { ada, command, CSV, EMPLOYEE, event, HR_REASON, record, SCIM } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const active = [event.hired('2025-03-01'), event.activated('2025-03-01')];
const terminatedByHr = (date: string) => event.terminated(date, 1, HR_REASON.inactive, CSV);
const scheduledByHr = (date: string) => event.terminationScheduled(date, HR_REASON.terminationDate, CSV);

describe('SyncFromHr: a person not known yet', () => {
  it('starting in the future is hired, pre-hire', () => {
    spec
      .given([])
      .when(command.sync(record(), '2025-02-01'))
      .then([event.hired('2025-03-01')]);
  });

  it('starting today or earlier is hired and activated', () => {
    spec
      .given([])
      .when(command.sync(record(), '2025-03-01'))
      .then([event.hired('2025-03-01'), event.activated('2025-03-01')]);
    spec
      .given([])
      .when(command.sync(record(), '2025-04-11', SCIM))
      .then([event.hired('2025-03-01', ada, SCIM), event.activated('2025-03-01', ada, 1, SCIM)]);
  });

  it('with a future termination date is hired with the termination scheduled', () => {
    spec
      .given([])
      .when(command.sync(record({ terminationDate: '2025-08-31' }), '2025-03-10'))
      .then([event.hired('2025-03-01'), event.activated('2025-03-01'), scheduledByHr('2025-08-31')]);
  });

  it('already a leaver is hired and terminated at once, never activated (no access for nothing)', () => {
    spec
      .given([])
      .when(command.sync(record({ active: false }), '2025-05-01'))
      .then([event.hired('2025-03-01'), terminatedByHr('2025-05-01')]);
    spec
      .given([])
      .when(command.sync(record({ terminationDate: '2025-04-15' }), '2025-05-01'))
      .then([event.hired('2025-03-01'), event.terminated('2025-04-15', 1, HR_REASON.terminationDate, CSV)]);
    spec
      .given([])
      .when(command.sync(record({ active: false, terminationDate: '2025-04-15' }), '2025-05-01'))
      .then([event.hired('2025-03-01'), terminatedByHr('2025-04-15')]);
  });

  it('ignores a termination date before the start date (it belongs to an earlier employment)', () => {
    spec
      .given([])
      .when(command.sync(record({ terminationDate: '2024-12-31' }), '2025-03-01'))
      .then([event.hired('2025-03-01'), event.activated('2025-03-01')]);
  });
});

describe('SyncFromHr: resending what is already known decides nothing', () => {
  it.each<[string, IdentityEvent[], Parameters<typeof record>[0]]>([
    ['pre-hire', [event.hired('2025-07-01')], { startDate: '2025-07-01' }],
    ['active', active, {}],
    ['on leave', [...active, event.leaveStarted('2025-04-01')], {}],
    ['with a scheduled termination', [...active, scheduledByHr('2025-08-31')], { terminationDate: '2025-08-31' }],
    ['terminated (inactive)', [...active, terminatedByHr('2025-05-01')], { active: false }],
    ['terminated (date passed)', [...active, terminatedByHr('2025-05-01')], { terminationDate: '2025-05-01' }],
    ['terminated with another date on record', [...active, terminatedByHr('2025-05-01')], { active: false, terminationDate: '2025-04-20' }],
  ])('%s', (_case, given, overrides) => {
    spec
      .given(given)
      .when(command.sync(record(overrides), '2025-06-01'))
      .then([]);
  });
});

describe('SyncFromHr: attribute changes', () => {
  it('a changed department and email is one move with exactly those fields before and after', () => {
    spec
      .given(active)
      .when(command.sync(record({ attributes: { ...ada, department: 'Sales', email: 'ada@sales.example.com' } }), '2025-06-01'))
      .then([
        event.moved(
          '2025-06-01',
          { email: 'ada@example.com', department: 'Engineering' },
          { email: 'ada@sales.example.com', department: 'Sales' },
        ),
      ]);
  });

  it('a changed location alone is an update', () => {
    spec
      .given(active)
      .when(command.sync(record({ attributes: { ...ada, location: 'Paris' } }), '2025-06-01'))
      .then([event.updated('2025-06-01', { location: 'London' }, { location: 'Paris' })]);
  });

  it('a pre-hire whose title changes is updated, not moved', () => {
    spec
      .given([event.hired('2025-03-01')])
      .when(command.sync(record({ attributes: { ...ada, title: 'Senior Engineer' } }), '2025-02-10'))
      .then([event.updated('2025-02-10', { title: 'Engineer' }, { title: 'Senior Engineer' })]);
  });

  it('a change that is also scheduled for later leaves the schedule alone', () => {
    const given = [...active, event.changeScheduled('2025-09-01', { department: 'Research' })];
    spec.given(given).when(command.sync(record(), '2025-06-01')).then([]);
    expect(fold(identityDecider, given).nextDueDate).toBe('2025-09-01');
  });

  it('naming the person as their own manager is a validation error', () => {
    spec
      .given(active)
      .when(command.sync(record({ attributes: { ...ada, managerEmployeeNumber: EMPLOYEE } }), '2025-06-01'))
      .thenThrows({ code: 'validation', message: expect.stringContaining('managerEmployeeNumber') });
  });
});

describe('SyncFromHr: start date', () => {
  it('moved later for a pre-hire reschedules the activation', () => {
    spec
      .given([event.hired('2025-03-01')])
      .when(command.sync(record({ startDate: '2025-04-01' }), '2025-02-10'))
      .then([event.startDateChanged('2025-03-01', '2025-04-01')]);
    expect(fold(identityDecider, [event.hired('2025-03-01'), event.startDateChanged('2025-03-01', '2025-04-01')])).toMatchObject({
      status: 'pre-hire',
      nextDueDate: '2025-04-01',
    });
  });

  it('moved to today activates, with the attributes HR sends now (a joiner, not a joiner then a mover)', () => {
    const sales = { ...ada, department: 'Sales' };
    spec
      .given([event.hired('2025-03-01')])
      .when(command.sync(record({ startDate: '2025-02-10', attributes: sales }), '2025-02-10'))
      .then([
        event.updated('2025-02-10', { department: 'Engineering' }, { department: 'Sales' }),
        event.startDateChanged('2025-03-01', '2025-02-10'),
        event.activated('2025-02-10', sales),
      ]);
  });

  it('corrected for someone already active is recorded without changing their status', () => {
    spec
      .given(active)
      .when(command.sync(record({ startDate: '2025-02-24' }), '2025-06-01'))
      .then([event.startDateChanged('2025-03-01', '2025-02-24')]);
  });

  it('a late timer is caught up first: a pre-hire whose start date passed is activated before the record is compared', () => {
    spec
      .given([event.hired('2025-03-01')])
      .when(command.sync(record({ attributes: { ...ada, title: 'Lead' } }), '2025-03-05'))
      .then([event.activated('2025-03-01'), event.moved('2025-03-05', { title: 'Engineer' }, { title: 'Lead' })]);
  });
});

describe('SyncFromHr: termination', () => {
  it('active: false terminates now', () => {
    spec
      .given(active)
      .when(command.sync(record({ active: false }), '2025-06-01'))
      .then([terminatedByHr('2025-06-01')]);
  });

  it('a termination date today or past terminates on that date', () => {
    spec
      .given(active)
      .when(command.sync(record({ terminationDate: '2025-06-01' }), '2025-06-01'))
      .then([event.terminated('2025-06-01', 1, HR_REASON.terminationDate, CSV)]);
  });

  it('a future termination date is scheduled; another date reschedules', () => {
    spec
      .given(active)
      .when(command.sync(record({ terminationDate: '2025-08-31' }), '2025-06-01'))
      .then([scheduledByHr('2025-08-31')]);
    spec
      .given([...active, scheduledByHr('2025-08-31')])
      .when(command.sync(record({ terminationDate: '2025-09-30' }), '2025-06-01'))
      .then([scheduledByHr('2025-09-30')]);
  });

  it('a scheduled termination the record no longer has is cancelled', () => {
    spec
      .given([...active, event.terminationScheduled('2025-08-31')])
      .when(command.sync(record(), '2025-06-01'))
      .then([event.terminationCancelled('2025-08-31', CSV)]);
  });

  it("a leaver's last attribute corrections are kept as an update (no mover review on the way out), then terminated", () => {
    spec
      .given(active)
      .when(command.sync(record({ active: false, attributes: { ...ada, department: 'Sales' } }), '2025-06-01'))
      .then([event.updated('2025-06-01', { department: 'Engineering' }, { department: 'Sales' }), terminatedByHr('2025-06-01')]);
  });

  it('a pre-hire who becomes a leaver is terminated without ever being activated', () => {
    spec
      .given([event.hired('2025-07-01')])
      .when(command.sync(record({ startDate: '2025-05-01', active: false }), '2025-06-01'))
      .then([event.startDateChanged('2025-07-01', '2025-05-01'), terminatedByHr('2025-06-01')]);
  });
});

describe('SyncFromHr: a terminated identity', () => {
  const terminated = [...active, terminatedByHr('2025-06-30')];

  it('listed active again from a later start date is rehired (same identity, next employment)', () => {
    spec
      .given(terminated)
      .when(command.sync(record({ startDate: '2026-01-05' }), '2025-12-01'))
      .then([event.rehired('2026-01-05', 2)]);
    spec
      .given(terminated)
      .when(command.sync(record({ startDate: '2025-12-01' }), '2025-12-01'))
      .then([event.rehired('2025-12-01', 2), event.activated('2025-12-01', ada, 2)]);
  });

  it('rehired with the old termination date still on the record ignores it; with a future one schedules it', () => {
    spec
      .given(terminated)
      .when(command.sync(record({ startDate: '2026-01-05', terminationDate: '2025-06-30' }), '2025-12-01'))
      .then([event.rehired('2026-01-05', 2)]);
    spec
      .given(terminated)
      .when(command.sync(record({ startDate: '2026-01-05', terminationDate: '2026-03-31' }), '2025-12-01'))
      .then([event.rehired('2026-01-05', 2), scheduledByHr('2026-03-31')]);
  });

  it('listed active with the old start date is an illegal state naming the employee number', () => {
    spec
      .given(terminated)
      .when(command.sync(record(), '2025-07-10'))
      .thenThrows({
        code: 'illegal_state',
        message: `employee ${EMPLOYEE} was terminated on 2025-06-30: making them active again from 2025-03-01 (a rehire must start after the termination) is not possible; only a rehire changes a terminated identity`,
      });
  });

  it('listed as a leaver with changed attributes is an illegal state naming the fields', () => {
    spec
      .given(terminated)
      .when(command.sync(record({ active: false, attributes: { ...ada, title: 'Retired', location: 'Bath' } }), '2025-07-10'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('changing title, location is not possible') });
  });

  it('a leaver first seen as a leaver and resent stays as it is', () => {
    const firstSeen = [event.hired('2025-03-01'), terminatedByHr('2025-06-01')];
    spec
      .given(firstSeen)
      .when(command.sync(record({ active: false }), '2025-06-02'))
      .then([]);
  });
});

describe('SyncFromHr: bad records', () => {
  it.each([
    ['startDate', record({ startDate: '2025-02-30' })],
    ['terminationDate', record({ terminationDate: 'soon' })],
  ])('an invalid %s is a validation error naming the employee and field', (field, bad) => {
    spec
      .given([])
      .when(command.sync(bad, '2025-06-01'))
      .thenThrows({ code: 'validation', message: expect.stringContaining(`employee ${EMPLOYEE}: ${field}`) });
  });

  it('a record of another employee sent to this identity is a validation error', () => {
    spec
      .given(active)
      .when(command.sync(record({ employeeNumber: '9999' }), '2025-06-01'))
      .thenThrows({ code: 'validation', message: `the HR record of employee 9999 was sent to the identity of employee ${EMPLOYEE}` });
  });

  it('a record without employee number is a validation error', () => {
    spec
      .given([])
      .when(command.sync(record({ employeeNumber: '' }), '2025-06-01'))
      .thenThrows({ code: 'validation' });
  });
});
