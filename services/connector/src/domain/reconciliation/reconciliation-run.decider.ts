import type { Decider } from '@tenure/event-sourcing';
import { decide, type ReconciliationRunCommand } from './reconciliation-run.commands';
import { evolve, initialState, type ReconciliationRunEvent, type ReconciliationRunState } from './reconciliation-run.events';

export const reconciliationRunDecider: Decider<ReconciliationRunCommand, ReconciliationRunEvent, ReconciliationRunState> = {
  decide,
  evolve,
  initialState,
};
