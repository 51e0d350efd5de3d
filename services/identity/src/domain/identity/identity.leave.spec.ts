import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import { command, event } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const active = [event.hired('2025-01-06'), event.activated('2025-01-06')];

describe('leave of absence', () => {
  it('an active person goes on leave', () => {
    spec
      .given(active)
      .when(command.startLeave('2025-04-01'))
      .then([event.leaveStarted('2025-04-01')]);
    expect(fold(identityDecider, [...active, event.leaveStarted('2025-04-01')]).status).toBe('on-leave');
  });

  it('and returns to active', () => {
    spec
      .given([...active, event.leaveStarted('2025-04-01')])
      .when(command.returnFromLeave('2025-07-01'))
      .then([event.returned('2025-07-01')]);
    expect(fold(identityDecider, [...active, event.leaveStarted('2025-04-01'), event.returned('2025-07-01')]).status).toBe('active');
  });

  it('repeated commands decide nothing', () => {
    spec
      .given([...active, event.leaveStarted('2025-04-01')])
      .when(command.startLeave('2025-04-02'))
      .then([]);
    spec.given(active).when(command.returnFromLeave('2025-04-02')).then([]);
  });

  it('is impossible before the start date', () => {
    spec
      .given([event.hired('2025-06-01')])
      .when(command.startLeave('2025-04-01'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('the employment has not started') });
    spec
      .given([event.hired('2025-06-01')])
      .when(command.returnFromLeave('2025-04-01'))
      .thenThrows({ code: 'illegal_state' });
  });

  it('is impossible for a terminated identity', () => {
    spec
      .given([...active, event.terminated('2025-03-31')])
      .when(command.startLeave('2025-04-01'))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('employee 1001 was terminated on 2025-03-31') });
  });

  it('is not found for an identity never hired', () => {
    spec.given([]).when(command.returnFromLeave('2025-04-01')).thenThrows({ code: 'not_found' });
  });
});
