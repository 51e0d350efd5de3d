import type { Decider } from '@tenure/event-sourcing';
import { decide, type OperationCommand } from './operation.commands';
import { evolve, initialState, type OperationEvent, type OperationState } from './operation.events';

export const operationDecider: Decider<OperationCommand, OperationEvent, OperationState> = { decide, evolve, initialState };
