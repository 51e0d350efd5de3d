import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import { command, EMPLOYEE, event } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const active = [event.hired('2025-01-06'), event.activated('2025-01-06')];

describe('termination now', () => {
  it('is the leaver event, effective today', () => {
    spec
      .given(active)
      .when(command.terminate('2025-05-01'))
      .then([event.terminated('2025-05-01')]);
    expect(fold(identityDecider, [...active, event.terminated('2025-05-01')])).toMatchObject({
      status: 'terminated',
      terminationDate: '2025-05-01',
      nextDueDate: null,
    });
  });

  it('with a past date is the leaver event on that date', () => {
    spec
      .given(active)
      .when(command.terminate('2025-05-01', '2025-04-28'))
      .then([event.terminated('2025-04-28')]);
  });

  it('works from leave and before the start date (offer withdrawn)', () => {
    spec
      .given([...active, event.leaveStarted('2025-03-01')])
      .when(command.terminate('2025-05-01'))
      .then([event.terminated('2025-05-01')]);
    spec
      .given([event.hired('2025-06-01')])
      .when(command.terminate('2025-05-01', null, 'offer withdrawn'))
      .then([event.terminated('2025-05-01', 1, 'offer withdrawn')]);
  });

  it('drops what was scheduled', () => {
    const state = fold(identityDecider, [
      ...active,
      event.changeScheduled('2025-09-01', { title: 'Lead' }),
      event.terminationScheduled('2025-12-31'),
      event.terminated('2025-05-01'),
    ]);
    expect(state).toMatchObject({ status: 'terminated', nextDueDate: null });
    expect(state).not.toHaveProperty('scheduledChanges');
  });

  it('of a terminated identity is an illegal state naming the employee number', () => {
    spec
      .given([...active, event.terminated('2025-05-01')])
      .when(command.terminate('2025-05-02'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining(`employee ${EMPLOYEE} was terminated on 2025-05-01`) });
  });

  it('of an identity never hired is not found', () => {
    spec.given([]).when(command.terminate('2025-05-01')).thenThrows({ code: 'not_found' });
  });

  it('with an invalid date is a validation error', () => {
    spec.given(active).when(command.terminate('2025-05-01', '31.12.2025')).thenThrows({ code: 'validation' });
  });
});

describe('termination on a future date', () => {
  it('is scheduled; the person stays active until then', () => {
    spec
      .given(active)
      .when(command.terminate('2025-05-01', '2025-06-30'))
      .then([event.terminationScheduled('2025-06-30')]);
    expect(fold(identityDecider, [...active, event.terminationScheduled('2025-06-30')])).toMatchObject({
      status: 'active',
      scheduledTermination: { effectiveDate: '2025-06-30', reason: 'resigned' },
      nextDueDate: '2025-06-30',
    });
  });

  it('resent for the same date decides nothing; another date reschedules', () => {
    const scheduled = [...active, event.terminationScheduled('2025-06-30')];
    spec.given(scheduled).when(command.terminate('2025-05-02', '2025-06-30')).then([]);
    spec
      .given(scheduled)
      .when(command.terminate('2025-05-02', '2025-07-31'))
      .then([event.terminationScheduled('2025-07-31')]);
    expect(fold(identityDecider, [...scheduled, event.terminationScheduled('2025-07-31')]).nextDueDate).toBe('2025-07-31');
  });

  it('can be brought forward to now', () => {
    spec
      .given([...active, event.terminationScheduled('2025-06-30')])
      .when(command.terminate('2025-05-02'))
      .then([event.terminated('2025-05-02')]);
  });
});

describe('cancelling a termination', () => {
  it('before it takes effect keeps the person employed', () => {
    spec
      .given([...active, event.terminationScheduled('2025-06-30')])
      .when(command.cancelTermination('2025-05-02'))
      .then([event.terminationCancelled('2025-06-30')]);
    expect(
      fold(identityDecider, [...active, event.terminationScheduled('2025-06-30'), event.terminationCancelled('2025-06-30')]),
    ).toMatchObject({
      status: 'active',
      scheduledTermination: null,
      nextDueDate: null,
    });
  });

  it('when none is scheduled is an illegal state', () => {
    spec
      .given(active)
      .when(command.cancelTermination('2025-05-02'))
      .thenThrows({
        code: 'illegal_state',
        message: `employee ${EMPLOYEE} is active: cancelling a termination is not possible (no termination is scheduled)`,
      });
  });

  it('once it took effect is an illegal state (the due termination is applied first)', () => {
    spec
      .given([...active, event.terminationScheduled('2025-06-30')])
      .when(command.cancelTermination('2025-06-30'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('was terminated on 2025-06-30') });
  });
});
