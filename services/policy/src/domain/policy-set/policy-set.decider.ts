import type { Decider } from '@tenure/event-sourcing';
import { decide, type PolicySetCommand } from './policy-set.commands';
import { evolve, initialState, type PolicySetEvent, type PolicySetState } from './policy-set.events';

export const policySetDecider: Decider<PolicySetCommand, PolicySetEvent, PolicySetState> = { decide, evolve, initialState };
