import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import { ada, ADMIN, command, event, SCIM } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const active = [event.hired('2025-01-06'), event.activated('2025-01-06')];

describe('the timer (ApplyDueChanges)', () => {
  it('activates a pre-hire on the start date, with the source of the hire', () => {
    spec
      .given([event.hired('2025-03-01', ada, SCIM)])
      .when(command.applyDue('2025-03-01', '00:00:00'))
      .then([event.activated('2025-03-01', ada, 1, SCIM)]);
  });

  it('does nothing before the start date', () => {
    spec
      .given([event.hired('2025-03-01')])
      .when(command.applyDue('2025-02-28', '23:59:59'))
      .then([]);
  });

  it('fired late (the service was down on the date) still applies what is due', () => {
    spec
      .given([event.hired('2025-03-01')])
      .when(command.applyDue('2025-03-09'))
      .then([event.activated('2025-03-01')]);
  });

  it('does not apply a future-dated change before its date, and applies it on or after', () => {
    const given = [...active, event.changeScheduled('2025-06-01', { department: 'Sales' })];
    spec.given(given).when(command.applyDue('2025-05-31')).then([]);
    spec
      .given(given)
      .when(command.applyDue('2025-06-01'))
      .then([event.moved('2025-06-01', { department: 'Engineering' }, { department: 'Sales' })]);
    spec
      .given(given)
      .when(command.applyDue('2025-06-15'))
      .then([event.moved('2025-06-01', { department: 'Engineering' }, { department: 'Sales' })]);
  });

  it('applies several due items in date order, each against the state the earlier ones left', () => {
    const given = [
      event.hired('2025-03-01'),
      event.changeScheduled('2025-04-01', { department: 'Sales', title: 'Account Executive' }),
      event.changeScheduled('2025-02-15', { location: 'Paris' }),
      event.terminationScheduled('2025-05-31'),
      event.changeScheduled('2025-04-20', { title: 'Account Manager', costCenter: 'CC-300' }),
      event.changeScheduled('2025-07-01', { title: 'Too Late' }),
    ];
    spec
      .given(given)
      .when(command.applyDue('2025-06-10'))
      .then([
        event.updated('2025-02-15', { location: 'London' }, { location: 'Paris' }),
        event.activated('2025-03-01', { ...ada, location: 'Paris' }),
        event.moved('2025-04-01', { department: 'Engineering', title: 'Engineer' }, { department: 'Sales', title: 'Account Executive' }),
        event.moved('2025-04-20', { title: 'Account Executive', costCenter: 'CC-100' }, { title: 'Account Manager', costCenter: 'CC-300' }),
        event.terminated('2025-05-31'),
      ]);
  });

  it('on the same date: activation, then changes, then termination; a change on the way out is an update', () => {
    spec
      .given([
        event.hired('2025-03-01'),
        event.terminationScheduled('2025-03-01'),
        event.changeScheduled('2025-03-01', { department: 'Sales' }),
      ])
      .when(command.applyDue('2025-03-01'))
      .then([
        event.activated('2025-03-01'),
        event.updated('2025-03-01', { department: 'Engineering' }, { department: 'Sales' }),
        event.terminated('2025-03-01'),
      ]);
  });

  it('applies a due termination and leaves nothing more to do', () => {
    const given = [...active, event.terminationScheduled('2025-06-30')];
    spec
      .given(given)
      .when(command.applyDue('2025-06-30'))
      .then([event.terminated('2025-06-30')]);
    expect(fold(identityDecider, [...given, event.terminated('2025-06-30')]).nextDueDate).toBeNull();
  });

  it('discards a due change that no longer changes anything, so the schedule moves on', () => {
    const given = [
      ...active,
      event.changeScheduled('2025-06-01', { title: 'Lead Engineer' }, ADMIN),
      event.moved('2025-05-10', { title: 'Engineer' }, { title: 'Lead Engineer' }),
    ];
    spec
      .given(given)
      .when(command.applyDue('2025-06-01'))
      .then([event.changeDiscarded('2025-06-01', ADMIN)]);
    expect(fold(identityDecider, [...given, event.changeDiscarded('2025-06-01', ADMIN)]).nextDueDate).toBeNull();
  });

  it('yields nothing when nothing is due, for every state', () => {
    spec.given([]).when(command.applyDue('2025-06-01')).then([]);
    spec.given(active).when(command.applyDue('2025-06-01')).then([]);
    spec
      .given([...active, event.terminated('2025-05-01')])
      .when(command.applyDue('2025-06-01'))
      .then([]);
  });

  it('every other command first applies what is due, so it never decides against an outdated state', () => {
    spec
      .given([event.hired('2025-03-01'), event.changeScheduled('2025-03-15', { department: 'Sales' })])
      .when(command.change({ title: 'Account Executive' }, '2025-04-01'))
      .then([
        event.activated('2025-03-01'),
        event.moved('2025-03-15', { department: 'Engineering' }, { department: 'Sales' }),
        event.moved('2025-04-01', { title: 'Engineer' }, { title: 'Account Executive' }),
      ]);
  });
});

describe('nextDueDate', () => {
  it('is the earliest of activation, scheduled changes and scheduled termination', () => {
    expect(fold(identityDecider, []).nextDueDate).toBeNull();
    expect(fold(identityDecider, [event.hired('2025-03-01'), event.changeScheduled('2025-02-20', { title: 'X' })]).nextDueDate).toBe(
      '2025-02-20',
    );
    expect(
      fold(identityDecider, [...active, event.changeScheduled('2025-08-01', { title: 'X' }), event.terminationScheduled('2025-07-31')])
        .nextDueDate,
    ).toBe('2025-07-31');
    expect(fold(identityDecider, active).nextDueDate).toBeNull();
  });

  it('moves on when the start date changes', () => {
    expect(fold(identityDecider, [event.hired('2025-03-01'), event.startDateChanged('2025-03-01', '2025-04-01')]).nextDueDate).toBe(
      '2025-04-01',
    );
  });
});
