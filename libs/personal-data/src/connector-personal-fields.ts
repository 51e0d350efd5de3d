import { IDENTITY_STREAM_PREFIX, isErased, OPERATION_STREAM_PREFIX, PUBLISHED_OPERATION_SUCCEEDED_TYPES } from '@tenure/contracts';

/**
 * Personal values in the connector's operation streams (`operation-<operationId>`, one change in one
 * target). Unlike an identity stream, an operation stream does not name a person, so the key's
 * owner comes from the event: its `employeeNumber` (the person whose account it is) gives the
 * identity stream `identity-<employeeNumber>`, the same subject (and key) as the person's identity
 * events, so one erasure reaches both. An event without an employee number (an orphan account no
 * identity matches, or an event recorded before the field existed) has no subject and stays clear.
 *
 * Personal: the account's user name (taken from the email; in a request, the account a drift
 * remediation names, copied from the drift), the manual task's instructions (they name the person and
 * give the email) and the note a person wrote completing it. Not personal: a
 * user name made from the employee number (`employee-<n>`, `erased-<n>`), the erased marker itself
 * (a task completed after the erasure repeats what it read; sealing it would only make a new key),
 * ids, actions, times.
 */

/** The success steps (AccountCreated, EntitlementGranted...): the user name and the manual task's note. */
const STEP_EVENTS = new Set<string>(PUBLISHED_OPERATION_SUCCEEDED_TYPES);
const STEP_FIELDS = ['userName', 'note'] as const;
const TASK_FIELDS = ['userName', 'instructions'] as const;
/** A request names the account only when it remediates drift (or revokes an orphan); an assignment's or leaver's request names none. */
const REQUEST_FIELDS = ['userName'] as const;

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries([...STEP_EVENTS].map((type) => [type, STEP_FIELDS])),
  ManualTaskOpened: TASK_FIELDS,
  OperationRequested: REQUEST_FIELDS,
};

/** True when connector events of this type may carry personal values. */
export function connectorEventCarriesPersonalData(type: string): boolean {
  return type in FIELDS;
}

/** The key owner of a connector event's personal values: the person's identity stream, or null when it names nobody. */
export function connectorPersonalDataSubject(streamId: string, type: string, data: unknown): string | null {
  if (!streamId.startsWith(OPERATION_STREAM_PREFIX) || !connectorEventCarriesPersonalData(type)) return null;
  const employeeNumber = employeeNumberOf(data);
  return employeeNumber === null ? null : `${IDENTITY_STREAM_PREFIX}${employeeNumber}`;
}

/**
 * A copy of a connector event's data with each personal value replaced by `replace(subject, value)`;
 * the data itself when it names nobody (no employee number) or carries no personal value.
 */
export function mapConnectorPersonalValues(
  streamId: string,
  type: string,
  data: unknown,
  replace: (subject: string, value: unknown) => unknown,
): unknown {
  const fields = FIELDS[type];
  const subject = connectorPersonalDataSubject(streamId, type, data);
  const employeeNumber = employeeNumberOf(data);
  if (!fields || subject === null || employeeNumber === null) return data;
  const record = data as Record<string, unknown>;
  const personal = fields.filter(
    (field) =>
      typeof record[field] === 'string' && !isErased(record[field]) && !madeFromEmployeeNumber(field, record[field], employeeNumber),
  );
  if (personal.length === 0) return data;
  const copy: Record<string, unknown> = { ...record };
  for (const field of personal) copy[field] = replace(subject, copy[field]);
  return copy;
}

function employeeNumberOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const employeeNumber = (data as { employeeNumber?: unknown }).employeeNumber;
  return typeof employeeNumber === 'string' && employeeNumber !== '' ? employeeNumber : null;
}

/** The user names Tenure makes when there is no email to take one from (see the connector's user-name.ts). */
function madeFromEmployeeNumber(field: string, value: unknown, employeeNumber: string): boolean {
  return field === 'userName' && (value === `employee-${employeeNumber}` || value === `erased-${employeeNumber}`);
}
