import { commandHandler, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { startTimerWorker, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import { accessRequestDecider, openStep } from '../../domain/requests';
import { accessRequestStreamId, APPROVAL_ESCALATION_TIMER, type EscalationTimerPayload } from '../../read-model/workflow-requests';
import { managersOf } from './request-directory';

export const APPROVAL_ESCALATION_ACTOR: Actor = { kind: 'system', id: APPROVAL_ESCALATION_TIMER };

export interface ApprovalEscalationDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly escalationMs: number;
}

/**
 * Moves an approval step still pending at its escalatesAt to the managers of its approvers (the
 * workflow_access_requests projection schedules it). Durable: a step due while the service was
 * down escalates at the next start; a timer for a step decided or escalated meanwhile changes nothing.
 */
export function startApprovalEscalationTimer(deps: ApprovalEscalationDependencies, pollMs = 1_000): TimerWorker {
  const handle = commandHandler(deps.store, accessRequestDecider, { ids: deps.ids });
  return startTimerWorker({
    pool: deps.pool,
    kind: APPROVAL_ESCALATION_TIMER,
    clock: deps.clock,
    pollMs,
    fire: async (timer) => {
      const { requestId, stepIndex, dueAt } = timer.payload as EscalationTimerPayload;
      const streamId = accessRequestStreamId(requestId);
      let state = accessRequestDecider.initialState();
      for (const event of await deps.store.readStream(streamId)) {
        state = accessRequestDecider.evolve(state, { type: event.type, data: event.data } as never);
      }
      const open = state.status === 'none' ? undefined : openStep(state);
      const managers = open ? await managersOf(deps.pool, open.approvers) : {};
      const now = deps.clock.now();
      const { events } = await handle(
        streamId,
        {
          type: 'EscalateApprovalStep',
          data: { stepIndex, dueAt, managers, escalationMs: deps.escalationMs, escalatedAt: now.toISOString() },
        },
        { commandId: deps.ids.newId(), correlationId: requestId, actor: APPROVAL_ESCALATION_ACTOR, now },
      );
      if (events.length === 0) deps.logger.debug({ requestId, stepIndex }, 'approval escalation: the step moved on');
    },
    onError: (timer, error) => deps.logger.error({ err: error, timerId: timer.timerId }, 'approval escalation failed; retried later'),
  });
}
