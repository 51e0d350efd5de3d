import type { Decider } from '@tenure/event-sourcing';
import { decide, type AssignmentsCommand } from './assignments.commands';
import { evolve, initialState, type AssignmentsEvent, type AssignmentsState } from './assignments.events';

/** One identity's assignments: its desired access, kept free of duplicates and empty once it has left. */
export const assignmentsDecider: Decider<AssignmentsCommand, AssignmentsEvent, AssignmentsState> = { decide, evolve, initialState };
