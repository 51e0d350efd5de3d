import { foldIdentityEvent, PUBLISHED_IDENTITY_EVENT_TYPES, type IdentitySnapshot, type PublishedIdentityEvent } from '@tenure/contracts';
import { identityDecider } from './identity.decider';
import type { IdentityEvent, IdentityState } from './identity.events';
import { ada, command } from './testing/identity-fixtures';

// Compile-time half of the contract: every identity event of a published type is a published event.
type PublishedByIdentity = Extract<IdentityEvent, { type: PublishedIdentityEvent['type'] }>;
const asPublished = (event: PublishedByIdentity): PublishedIdentityEvent => event;

function isPublished(event: IdentityEvent): event is PublishedByIdentity {
  return (PUBLISHED_IDENTITY_EVENT_TYPES as readonly string[]).includes(event.type);
}

describe('the published identity events (@tenure/contracts)', () => {
  it('given a whole lifecycle, when consumers fold only the published events, then they see what the identity itself holds at every step', () => {
    const steps = [
      command.hire('2026-03-01', '2026-02-10'),
      command.applyDue('2026-03-01'),
      command.change({ department: 'Finance', title: 'Controller' }, '2026-04-01'),
      command.change({ givenName: 'Augusta' }, '2026-04-02'),
      command.startLeave('2026-05-01'),
      command.returnFromLeave('2026-06-01'),
      command.terminate('2026-07-01'),
    ];
    let state: IdentityState = identityDecider.initialState();
    let snapshot: IdentitySnapshot | null = null;
    const seen = new Set<string>();
    for (const step of steps) {
      const events = identityDecider.decide(step, state);
      for (const event of events) {
        state = identityDecider.evolve(state, event);
        if (isPublished(event)) {
          seen.add(event.type);
          snapshot = foldIdentityEvent(snapshot, asPublished(event));
        }
      }
      if (state.status === 'unknown') throw new Error('the identity should exist after its hire');
      expect(snapshot).toEqual({
        identityId: state.identityId,
        employeeNumber: state.employeeNumber,
        status: state.status,
        attributes: state.attributes,
      });
    }
    expect([...seen].sort()).toEqual([
      'IdentityActivated',
      'IdentityAttributesUpdated',
      'IdentityHired',
      'IdentityLeaveStarted',
      'IdentityMoved',
      'IdentityReturnedFromLeave',
      'IdentityTerminated',
    ]);
    expect(snapshot?.attributes).toEqual({ ...ada, department: 'Finance', title: 'Controller', givenName: 'Augusta' });
  });
});
