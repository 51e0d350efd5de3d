import type { Decider } from '@tenure/event-sourcing';
import { decide, type HrImportCommand } from './hr-import.commands';
import { evolve, initialState, type HrImportEvent, type HrImportState } from './hr-import.events';

export const hrImportDecider: Decider<HrImportCommand, HrImportEvent, HrImportState> = { decide, evolve, initialState };
