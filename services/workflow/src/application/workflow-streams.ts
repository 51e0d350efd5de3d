import type { PublishedAssignmentAdded, PublishedAssignmentRevoked } from '@tenure/contracts';
import type { AssignmentAdded, AssignmentRevoked } from '../domain/assignments';

export { assignmentsStreamId, ASSIGNMENTS_STREAM_PREFIX } from '@tenure/contracts';

/** Both ways assignable: the event is the published contract, no field more and none less. */
type SameShape<Event, Published> = [Event] extends [Published] ? ([Published] extends [Event] ? true : never) : never;

/**
 * Compile-time check that the assignment events still are what the connector service provisions
 * from (@tenure/contracts assignment-events.ts). Changing either side fails to compile here.
 */
export const additionHonoursContract: SameShape<AssignmentAdded, PublishedAssignmentAdded> = true;
export const revocationHonoursContract: SameShape<AssignmentRevoked, PublishedAssignmentRevoked> = true;
