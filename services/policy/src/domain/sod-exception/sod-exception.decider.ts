import type { Decider } from '@tenure/event-sourcing';
import { decide, type SodExceptionCommand } from './sod-exception.commands';
import { evolve, initialState, type SodExceptionEvent, type SodExceptionState } from './sod-exception.events';

export const sodExceptionDecider: Decider<SodExceptionCommand, SodExceptionEvent, SodExceptionState> = { decide, evolve, initialState };
