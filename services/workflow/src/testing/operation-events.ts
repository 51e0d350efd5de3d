import {
  killSwitchStreamId,
  operationStreamId,
  type OperationAction,
  type PublishedKillSwitchPlanned,
  type PublishedOperationOutcome,
} from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import { appendPublishedEvent, type Publisher } from './published-events';

const CONNECTOR: Publisher = { actor: { kind: 'service', id: 'connector-test' }, correlationPrefix: 'connector' };

/**
 * The connector's published outcomes (the @tenure/contracts shapes), appended straight to
 * `operation-<id>` and `kill-switch-<termination event id>` streams: the connector does not run in
 * workflow tests.
 */
export interface TestOperation {
  readonly operationId: string;
  readonly action: OperationAction;
  readonly identityId: string;
  readonly applicationId: string;
  readonly assignmentId?: string | null;
  readonly entitlementKey?: string | null;
}

const SUCCEEDED: Partial<Record<OperationAction, PublishedOperationOutcome['type']>> = {
  grant: 'EntitlementGranted',
  revoke: 'EntitlementRevoked',
  'disable-account': 'AccountDisabled',
};

export function operationSucceeded(store: EventStore, operation: TestOperation, completedAt: string): Promise<void> {
  return appendOutcome(store, {
    type: SUCCEEDED[operation.action]!,
    data: { ...ref(operation), userName: `user-${operation.identityId}`, completedAt, via: 'connector' },
  } as PublishedOperationOutcome);
}

export function operationFailed(
  store: EventStore,
  operation: TestOperation,
  failedAt: string,
  message = 'the target said no',
): Promise<void> {
  return appendOutcome(store, {
    type: 'OperationFailed',
    data: { ...ref(operation), errorKind: 'rejected', message, attempts: 3, failedAt },
  });
}

export async function killSwitchPlanned(store: EventStore, plan: PublishedKillSwitchPlanned['data']): Promise<void> {
  await appendPublishedEvent(
    store,
    killSwitchStreamId(plan.terminationEventId),
    { type: 'KillSwitchPlanned', data: plan },
    CONNECTOR,
    plan.plannedAt,
  );
}

function ref(operation: TestOperation) {
  const { operationId, action, identityId, applicationId } = operation;
  return {
    operationId,
    action,
    applicationId,
    identityId,
    assignmentId: operation.assignmentId ?? null,
    entitlementKey: operation.entitlementKey ?? null,
  };
}

async function appendOutcome(store: EventStore, outcome: PublishedOperationOutcome): Promise<void> {
  const at = outcome.type === 'OperationFailed' ? outcome.data.failedAt : outcome.data.completedAt;
  await appendPublishedEvent(store, operationStreamId(outcome.data.operationId), outcome, CONNECTOR, at);
}
