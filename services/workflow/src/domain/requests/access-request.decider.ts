import type { Decider } from '@tenure/event-sourcing';
import { decide, type AccessRequestCommand } from './access-request.commands';
import type { AccessRequestEvent } from './access-request.events';
import { evolve, initialState, type AccessRequestState } from './access-request.state';

/**
 * One just-in-time access request: the policy decision it was taken on, its approvals step by step
 * (no self-approval, distinct approvers, one denial ends it, escalation, the leaver's reassignment),
 * and its fulfilment.
 */
export const accessRequestDecider: Decider<AccessRequestCommand, AccessRequestEvent, AccessRequestState> = { decide, evolve, initialState };
