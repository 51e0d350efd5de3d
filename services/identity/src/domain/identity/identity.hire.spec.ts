import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import { ada, at, command, CSV, EMPLOYEE, event, IDENTITY_ID } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);

describe('hire', () => {
  it('with a future start date: hired, pre-hire until the start date', () => {
    spec
      .given([])
      .when(command.hire('2025-03-01', '2025-02-10'))
      .then([event.hired('2025-03-01')]);

    const state = fold(identityDecider, [event.hired('2025-03-01')]);
    expect(state).toMatchObject({ status: 'pre-hire', identityId: IDENTITY_ID, employeeNumber: EMPLOYEE, employment: 1, attributes: ada });
    expect(state.nextDueDate).toBe('2025-03-01');
  });

  it('starting today: hired and activated at once (a joiner)', () => {
    spec
      .given([])
      .when(command.hire('2025-03-01', '2025-03-01'))
      .then([event.hired('2025-03-01'), event.activated('2025-03-01')]);
  });

  it('starting in the past: hired and activated at once', () => {
    spec
      .given([])
      .when(command.hire('2024-11-15', '2025-03-01'))
      .then([event.hired('2024-11-15'), event.activated('2024-11-15')]);
    expect(fold(identityDecider, [event.hired('2024-11-15'), event.activated('2024-11-15')])).toMatchObject({
      status: 'active',
      nextDueDate: null,
    });
  });

  it('"today" is the UTC date of now: 23:30 UTC on the day before the start is still pre-hire', () => {
    spec
      .given([])
      .when({ type: 'Hire', data: { ...hireData(), now: at('2025-02-28', '23:30:00') } })
      .then([event.hired('2025-03-01')]);
  });

  it.each([
    ['pre-hire', [event.hired('2025-03-01')]],
    ['active', [event.hired('2025-03-01'), event.activated('2025-03-01')]],
    ['terminated', [event.hired('2025-03-01'), event.activated('2025-03-01'), event.terminated('2025-04-01')]],
  ])('of an employee number already %s is a conflict (employee numbers are unique)', (_status, given) => {
    spec
      .given(given)
      .when(command.hire('2025-06-01', '2025-05-01'))
      .thenThrows({ code: 'conflict', message: expect.stringContaining(`employee ${EMPLOYEE} is already known`) });
  });

  it('naming the person as their own manager is a validation error', () => {
    spec
      .given([])
      .when(command.hire('2025-03-01', '2025-02-01', { ...ada, managerEmployeeNumber: EMPLOYEE }))
      .thenThrows({ code: 'validation', message: expect.stringContaining('managerEmployeeNumber names the employee themselves') });
  });

  it.each(['2025-02-30', '01/03/2025', ''])('with the start date "%s" is a validation error', (startDate) => {
    spec
      .given([])
      .when(command.hire(startDate, '2025-02-01'))
      .thenThrows({
        code: 'validation',
        message: expect.stringContaining(`employee ${EMPLOYEE}: startDate "${startDate}" is not a valid date`),
      });
  });

  it('at an invalid instant is a validation error', () => {
    spec
      .given([])
      .when({ type: 'Hire', data: { ...hireData(), now: new Date(Number.NaN) } })
      .thenThrows({ code: 'validation' });
  });

  it('without an employee number is a validation error', () => {
    spec
      .given([])
      .when({ type: 'Hire', data: { ...hireData(), employeeNumber: '  ' } })
      .thenThrows({ code: 'validation', message: expect.stringContaining('employeeNumber is empty') });
  });
});

function hireData() {
  return {
    identityId: IDENTITY_ID,
    employeeNumber: EMPLOYEE,
    attributes: ada,
    startDate: '2025-03-01',
    now: at('2025-02-01'),
    source: CSV,
  };
}
