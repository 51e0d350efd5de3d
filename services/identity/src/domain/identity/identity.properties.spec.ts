import fc from 'fast-check';
import { DomainError, fold } from '@tenure/event-sourcing';
import type { HrAttributes, HrRecord } from '../hr-record';
import type { IdentityCommand } from './identity.commands';
import { identityDecider } from './identity.decider';
import { IDENTITY_STATUSES, type IdentityEvent, type IdentityState } from './identity.events';
import { ada, ADMIN, at, CSV, EMPLOYEE, IDENTITY_ID } from './testing/identity-fixtures';

// A small world (two departments, two titles, a few dates) so that sequences often hit the same
// person in every state: hires, moves, resends, schedules, terminations, rehires.
const FIRST_DAY = Date.UTC(2025, 0, 1);
const dayToIso = (day: number) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

const day = fc.integer({ min: 0, max: 90 });
const attributes: fc.Arbitrary<HrAttributes> = fc
  .record({
    department: fc.constantFrom('Engineering', 'Sales'),
    title: fc.constantFrom('Engineer', 'Lead'),
    location: fc.constantFrom('London', 'Paris'),
    managerEmployeeNumber: fc.constantFrom('2000', null),
  })
  .map((changed) => ({ ...ada, ...changed }));

const hrRecord: fc.Arbitrary<HrRecord> = fc.record({
  employeeNumber: fc.constant(EMPLOYEE),
  attributes,
  startDate: day.map(dayToIso),
  terminationDate: fc.option(day.map(dayToIso), { freq: 3 }),
  active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

/** A command without its time: the timeline below gives each one a `now` that never goes back. */
type Timeless = (now: Date) => IdentityCommand;

const timeless: fc.Arbitrary<Timeless> = fc.oneof(
  {
    weight: 5,
    arbitrary: hrRecord.map((record): Timeless => (now) => ({
      type: 'SyncFromHr',
      data: { identityId: IDENTITY_ID, record, now, source: CSV },
    })),
  },
  { weight: 4, arbitrary: fc.constant<Timeless>((now) => ({ type: 'ApplyDueChanges', data: { now } })) },
  {
    weight: 2,
    arbitrary: fc.tuple(attributes, fc.option(day.map(dayToIso))).map(([changes, effectiveDate]): Timeless => (now) => ({
      type: 'ChangeAttributes',
      data: { changes, effectiveDate, now, source: ADMIN },
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .option(day.map(dayToIso))
      .map((effectiveDate): Timeless => (now) => ({ type: 'Terminate', data: { effectiveDate, reason: null, now, source: ADMIN } })),
  },
  { weight: 1, arbitrary: fc.constant<Timeless>((now) => ({ type: 'CancelTermination', data: { now, source: ADMIN } })) },
  { weight: 1, arbitrary: fc.constant<Timeless>((now) => ({ type: 'StartLeave', data: { reason: null, now, source: ADMIN } })) },
  { weight: 1, arbitrary: fc.constant<Timeless>((now) => ({ type: 'ReturnFromLeave', data: { now, source: ADMIN } })) },
);

const timeline = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), timeless), { minLength: 1, maxLength: 30 }).map((steps) => {
  let elapsed = 0;
  return steps.map(([daysLater, command]) => command(at(dayToIso((elapsed += daysLater)))));
});

interface Step {
  readonly command: IdentityCommand;
  readonly before: IdentityState;
  readonly events: readonly IdentityEvent[];
  readonly after: IdentityState;
  readonly refused: boolean;
}

/** Runs the commands the way the command handler does: a refused command leaves the state as it was. */
function run(commands: readonly IdentityCommand[]): { steps: Step[]; history: IdentityEvent[]; state: IdentityState } {
  const steps: Step[] = [];
  const history: IdentityEvent[] = [];
  let state = identityDecider.initialState();
  for (const command of commands) {
    let events: readonly IdentityEvent[] = [];
    let refused = false;
    try {
      events = identityDecider.decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused = true;
    }
    const after = events.reduce(identityDecider.evolve, state);
    steps.push({ command, before: state, events, after, refused });
    history.push(...events);
    state = after;
  }
  return { steps, history, state };
}

const today = (command: IdentityCommand) => command.data.now.toISOString().slice(0, 10);

describe('identity lifecycle properties (any sequence of HR syncs, timer runs and admin commands)', () => {
  it('the state never leaves the allowed statuses', () => {
    fc.assert(
      fc.property(timeline, (commands) => {
        for (const { after } of run(commands).steps) expect(IDENTITY_STATUSES).toContain(after.status);
      }),
    );
  });

  it('refusals are domain errors with a code, never anything else', () => {
    // run() rethrows anything that is not a DomainError, failing the property.
    fc.assert(fc.property(timeline, (commands) => void run(commands)));
  });

  it('a terminated identity never changes except by a rehire', () => {
    fc.assert(
      fc.property(timeline, (commands) => {
        for (const { before, events } of run(commands).steps) {
          if (before.status === 'terminated' && events.length > 0) {
            expect(events[0]?.type).toBe('IdentityRehired');
            expect(events.filter((e) => e.type === 'IdentityRehired')).toHaveLength(1);
          }
        }
      }),
    );
  });

  it('replaying the produced events from the initial state reproduces the state', () => {
    fc.assert(
      fc.property(timeline, (commands) => {
        const { history, state } = run(commands);
        expect(fold(identityDecider, history)).toEqual(state);
      }),
    );
  });

  it('after the timer ran, nothing is due any more that day, and running it again decides nothing', () => {
    fc.assert(
      fc.property(timeline, (commands) => {
        for (const { command, after } of run(commands).steps) {
          if (command.type !== 'ApplyDueChanges') continue;
          if (after.nextDueDate !== null) expect(after.nextDueDate > today(command)).toBe(true);
          expect(identityDecider.decide(command, after)).toEqual([]);
        }
      }),
    );
  });

  it('resending an HR record that was just applied decides nothing (idempotent feeds)', () => {
    fc.assert(
      fc.property(timeline, (commands) => {
        for (const { command, after, refused } of run(commands).steps) {
          if (command.type === 'SyncFromHr' && !refused) expect(identityDecider.decide(command, after)).toEqual([]);
        }
      }),
    );
  });

  it('employments only grow, by one per rehire', () => {
    fc.assert(
      fc.property(timeline, (commands) => {
        for (const { before, after, events } of run(commands).steps) {
          if (before.status === 'unknown' || after.status === 'unknown') continue;
          const rehires = events.filter((e) => e.type === 'IdentityRehired').length;
          expect(after.employment).toBe(before.employment + rehires);
        }
      }),
    );
  });
});
