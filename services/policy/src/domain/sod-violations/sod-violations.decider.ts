import type { Decider } from '@tenure/event-sourcing';
import { decide, type SodViolationsCommand } from './sod-violations.commands';
import { evolve, initialState, type SodViolationEvent, type SodViolationsState } from './sod-violations.events';

export const sodViolationsDecider: Decider<SodViolationsCommand, SodViolationEvent, SodViolationsState> = {
  decide,
  evolve,
  initialState,
};
