import type { Decider } from '@tenure/event-sourcing';
import { decide, type IdentityCommand } from './identity.commands';
import { evolve, initialState, type IdentityEvent, type IdentityState } from './identity.events';

/** The identity lifecycle. One stream per employee number, so a second hire of the same number is a conflict. */
export const identityDecider: Decider<IdentityCommand, IdentityEvent, IdentityState> = { decide, evolve, initialState };
