import { operationStreamId, type PublishedOperationFailed, type PublishedOperationSucceeded } from '@tenure/contracts';
import { fold, type EventStore } from '@tenure/event-sourcing';
import {
  operationDecider,
  type OperationEvent,
  type OperationFailed,
  type OperationState,
  type OperationStepSucceeded,
} from '../domain/operation';

/** Compile-time check that the outcomes still satisfy the published contract the workflow service follows. */
export type OutcomesHonourContract = [OperationStepSucceeded, OperationFailed] extends [
  PublishedOperationSucceeded,
  PublishedOperationFailed,
]
  ? true
  : never;
export const outcomesHonourContract: OutcomesHonourContract = true;

/** An operation as its events say now, with the revision to append after. */
export async function loadOperation(store: EventStore, operationId: string): Promise<OperationState> {
  const recorded = await store.readStream(operationStreamId(operationId));
  return fold(
    operationDecider,
    recorded.map((event) => ({ type: event.type, data: event.data }) as OperationEvent),
  );
}
