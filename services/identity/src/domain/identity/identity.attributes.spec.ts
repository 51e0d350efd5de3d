import { fold } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import { identityDecider } from './identity.decider';
import { ada, command, EMPLOYEE, event, SCIM } from './testing/identity-fixtures';

const spec = deciderSpec(identityDecider);
const active = [event.hired('2025-01-06'), event.activated('2025-01-06')];

describe('attribute changes in effect now', () => {
  it('a change of title is a move, carrying exactly the changed fields before and after', () => {
    spec
      .given(active)
      .when(command.change({ title: 'Lead Engineer' }, '2025-05-01'))
      .then([event.moved('2025-05-01', { title: 'Engineer' }, { title: 'Lead Engineer' })]);
  });

  it('a move also carries the other attributes changed with it, in one event', () => {
    spec
      .given(active)
      .when(command.change({ ...ada, department: 'Sales', managerEmployeeNumber: '3000', email: 'ada@sales.example.com' }, '2025-05-01'))
      .then([
        event.moved(
          '2025-05-01',
          { email: 'ada@example.com', department: 'Engineering', managerEmployeeNumber: '2000' },
          { email: 'ada@sales.example.com', department: 'Sales', managerEmployeeNumber: '3000' },
        ),
      ]);
  });

  it.each([
    [{ costCenter: 'CC-200' }, { costCenter: 'CC-100' }],
    [{ managerEmployeeNumber: null }, { managerEmployeeNumber: '2000' }],
    [{ department: 'Research' }, { department: 'Engineering' }],
  ])('%j is a move', (after, before) => {
    spec
      .given(active)
      .when(command.change(after, '2025-05-01'))
      .then([event.moved('2025-05-01', before, after)]);
  });

  it('a change of only non-mover attributes is an update', () => {
    spec
      .given(active)
      .when(command.change({ location: 'Paris', familyName: 'King', custom: { division: 'Labs' } }, '2025-05-01', null, SCIM))
      .then([
        event.updated(
          '2025-05-01',
          { familyName: 'Lovelace', location: 'London', custom: { division: 'R&D' } },
          { familyName: 'King', location: 'Paris', custom: { division: 'Labs' } },
          SCIM,
        ),
      ]);
  });

  it('a change that changes nothing decides nothing (HR resends everything)', () => {
    spec.given(active).when(command.change(ada, '2025-05-01')).then([]);
    spec.given(active).when(command.change({}, '2025-05-01')).then([]);
  });

  it('a past effective date is applied now and recorded with the date HR gave', () => {
    spec
      .given(active)
      .when(command.change({ title: 'Lead Engineer' }, '2025-05-01', '2025-04-15'))
      .then([event.moved('2025-04-15', { title: 'Engineer' }, { title: 'Lead Engineer' })]);
  });

  it('before the start date every change is an update: there is no access to revise yet', () => {
    spec
      .given([event.hired('2025-06-01')])
      .when(command.change({ department: 'Sales' }, '2025-05-01'))
      .then([event.updated('2025-05-01', { department: 'Engineering' }, { department: 'Sales' })]);
  });

  it('while on leave, a change of department is still a move', () => {
    spec
      .given([...active, event.leaveStarted('2025-04-01')])
      .when(command.change({ department: 'Sales' }, '2025-05-01'))
      .then([event.moved('2025-05-01', { department: 'Engineering' }, { department: 'Sales' })]);
  });

  it('the state takes the new values', () => {
    const state = fold(identityDecider, [...active, event.moved('2025-05-01', { title: 'Engineer' }, { title: 'Lead Engineer' })]);
    expect(state).toMatchObject({ status: 'active', attributes: { ...ada, title: 'Lead Engineer' } });
  });
});

describe('future-dated attribute changes', () => {
  it('are scheduled, not applied, and set the next due date', () => {
    spec
      .given(active)
      .when(command.change({ department: 'Sales' }, '2025-05-01', '2025-06-01'))
      .then([event.changeScheduled('2025-06-01', { department: 'Sales' })]);

    const state = fold(identityDecider, [...active, event.changeScheduled('2025-06-01', { department: 'Sales' })]);
    expect(state).toMatchObject({ attributes: ada, nextDueDate: '2025-06-01' });
  });

  it('resent unchanged decide nothing', () => {
    spec
      .given([...active, event.changeScheduled('2025-06-01', { department: 'Sales', title: 'Account Executive' })])
      .when(command.change({ department: 'Sales' }, '2025-05-02', '2025-06-01'))
      .then([]);
  });

  it('for the same date merge, the later value winning', () => {
    const state = fold(identityDecider, [
      ...active,
      event.changeScheduled('2025-06-01', { department: 'Sales', title: 'Account Executive' }),
      event.changeScheduled('2025-06-01', { title: 'Sales Engineer' }),
      event.changeScheduled('2025-05-20', { location: 'Paris' }),
    ]);
    expect(state.status !== 'unknown' && state.status !== 'terminated' && state.scheduledChanges).toEqual([
      expect.objectContaining({ effectiveDate: '2025-05-20', changes: { location: 'Paris' } }),
      expect.objectContaining({ effectiveDate: '2025-06-01', changes: { department: 'Sales', title: 'Sales Engineer' } }),
    ]);
    expect(state.nextDueDate).toBe('2025-05-20');
  });

  it('with an invalid effective date are a validation error', () => {
    spec
      .given(active)
      .when(command.change({ title: 'X' }, '2025-05-01', '2025-06-31'))
      .thenThrows({ code: 'validation', message: expect.stringContaining('effectiveDate "2025-06-31"') });
  });
});

describe('attribute change invariants', () => {
  it('naming the person as their own manager is a validation error', () => {
    spec
      .given(active)
      .when(command.change({ managerEmployeeNumber: EMPLOYEE }, '2025-05-01'))
      .thenThrows({ code: 'validation', message: `employee ${EMPLOYEE}: managerEmployeeNumber names the employee themselves` });
  });

  it('of a terminated identity is an illegal state naming the employee number', () => {
    spec
      .given([...active, event.terminated('2025-04-30')])
      .when(command.change({ title: 'X' }, '2025-05-01'))
      .thenThrows({
        code: 'illegal_state',
        message: `employee ${EMPLOYEE} was terminated on 2025-04-30: changing attributes is not possible; only a rehire changes a terminated identity`,
      });
  });

  it('of an identity never hired is not found', () => {
    spec
      .given([])
      .when(command.change({ title: 'X' }, '2025-05-01'))
      .thenThrows({ code: 'not_found' });
  });
});
