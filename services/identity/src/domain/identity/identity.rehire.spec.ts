import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import { ada, command, EMPLOYEE, event, IDENTITY_ID } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const terminated = [event.hired('2020-01-06'), event.activated('2020-01-06'), event.terminated('2023-06-30')];
const returning = { ...ada, department: 'Research', title: 'Principal Engineer' };

describe('rehire', () => {
  it('of a terminated identity starts a new employment, pre-hire until the new start date', () => {
    spec
      .given(terminated)
      .when(command.rehire('2025-09-01', '2025-08-01', returning))
      .then([event.rehired('2025-09-01', 2, returning)]);

    const state = fold(identityDecider, [...terminated, event.rehired('2025-09-01', 2, returning)]);
    expect(state).toMatchObject({
      status: 'pre-hire',
      identityId: IDENTITY_ID,
      employeeNumber: EMPLOYEE,
      employment: 2,
      attributes: returning,
      startDate: '2025-09-01',
      nextDueDate: '2025-09-01',
    });
  });

  it('starting today is activated at once, as a joiner of the new employment', () => {
    spec
      .given(terminated)
      .when(command.rehire('2025-09-01', '2025-09-01', returning))
      .then([event.rehired('2025-09-01', 2, returning), event.activated('2025-09-01', returning, 2)]);
  });

  it('counts employments across several rehires', () => {
    spec
      .given([...terminated, event.rehired('2024-01-08', 2), event.activated('2024-01-08', ada, 2), event.terminated('2024-12-31', 2)])
      .when(command.rehire('2025-09-01', '2025-08-01'))
      .then([event.rehired('2025-09-01', 3)]);
  });

  it('must start after the termination', () => {
    spec
      .given(terminated)
      .when(command.rehire('2023-06-30', '2025-08-01'))
      .thenThrows({
        code: 'validation',
        message: `employee ${EMPLOYEE}: a rehire must start after the termination on 2023-06-30, not on 2023-06-30`,
      });
  });

  it('of someone still employed is an illegal state', () => {
    spec
      .given([event.hired('2025-01-06'), event.activated('2025-01-06')])
      .when(command.rehire('2025-09-01', '2025-08-01'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('the person is still employed') });
  });

  it('of an identity never hired is not found', () => {
    spec.given([]).when(command.rehire('2025-09-01', '2025-08-01')).thenThrows({ code: 'not_found' });
  });

  it('naming the person as their own manager is a validation error', () => {
    spec
      .given(terminated)
      .when(command.rehire('2025-09-01', '2025-08-01', { ...ada, managerEmployeeNumber: EMPLOYEE }))
      .thenThrows({ code: 'validation' });
  });
});
