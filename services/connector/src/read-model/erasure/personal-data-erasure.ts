import { ERASED_MARKER, isErased, PERSONAL_DATA_ERASED, type PublishedPersonalDataErased } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { erasedUserName } from '../../domain/identity/user-name';

/**
 * How the connector's read models treat a person's personal data once it is erased
 * (docs/personal-data.md). The operation events seal the account's user name, the manual task's
 * instructions and the completion note under the person's key; once the key is destroyed they read
 * as ERASED_MARKER. The read models show the same thing live (on `PersonalDataErased`) as after a
 * rebuild from position 0 (where the envelopes read as erased), so the rows are identical either way.
 */

export type ErasureData = PublishedPersonalDataErased['data'];

/** The erasure event of an identity stream, or null for any other event. */
export function erasureOf(event: Pick<RecordedEvent, 'type' | 'data'>): ErasureData | null {
  return event.type === PERSONAL_DATA_ERASED ? (event.data as ErasureData) : null;
}

/** A user name as a read model keeps it: `erased-<employee number>` for one that reads as erased (as connector_identities does). */
export function storedUserName(userName: string, employeeNumber: string | null | undefined): string {
  return isErased(userName) ? erasedUserName(employeeNumber ?? '') : userName;
}

/** A stored user name once its person is erased: one made from the employee number was never personal and stays. */
export function userNameAfterErasure(userName: string, employeeNumber: string): string {
  return userName === `employee-${employeeNumber}` ? userName : erasedUserName(employeeNumber);
}

/** The same as userNameAfterErasure, in SQL: `column` is the user name (NULL stays NULL), `$n` the employee number. */
export function userNameAfterErasureSql(column: string, employeeNumberParam: string): string {
  return `CASE WHEN ${column} IS NULL OR ${column} = 'employee-' || ${employeeNumberParam} THEN ${column} ELSE 'erased-' || ${employeeNumberParam} END`;
}

/** Free text about the person (a task's instructions, a note): the marker, as it reads from the log. */
export function textAfterErasure<T extends string | null>(text: T): T {
  return (text === null ? null : ERASED_MARKER) as T;
}

export { ERASED_MARKER };
