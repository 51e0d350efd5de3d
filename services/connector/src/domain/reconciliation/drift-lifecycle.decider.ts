import type { Decider } from '@tenure/event-sourcing';
import { decide, type DriftLifecycleCommand } from './drift-lifecycle.commands';
import { evolve, initialState, type DriftLifecycleEvent, type DriftLifecycleState } from './drift-lifecycle.events';

export const driftLifecycleDecider: Decider<DriftLifecycleCommand, DriftLifecycleEvent, DriftLifecycleState> = {
  decide,
  evolve,
  initialState,
};
