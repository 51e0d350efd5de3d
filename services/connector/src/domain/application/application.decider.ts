import type { Decider } from '@tenure/event-sourcing';
import { decide, type ApplicationCommand } from './application.commands';
import { evolve, initialState, type ApplicationEvent, type ApplicationState } from './application.events';

export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = { decide, evolve, initialState };
