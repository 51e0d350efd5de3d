import { DRIFT_STREAM_PREFIX, IDENTITY_STREAM_PREFIX, isErased } from '@tenure/contracts';

/**
 * Personal values in the connector's reconciliation streams (`reconciliation-<runId>`, one run of one
 * application, many people per DriftDetected) and drift streams (`drift-<driftId>`). Neither stream
 * names a person, so each value is sealed under the key of the person its finding or decision names:
 * its `employeeNumber` gives the subject `identity-<employeeNumber>`, the same key as the person's
 * identity events, so one erasure reaches them all.
 *
 * Personal: the account's user name (taken from the email) and, for attribute drift, the display
 * names and emails compared (`differences[].expected` / `.actual`). Not personal: the finding's
 * `reason` (generated text that names employee numbers and states, never a name or email: see the
 * connector's drift-findings.ts), a decision's `comment` (an administrator's text about the drift),
 * a user name made from the employee number (`employee-<n>`, `erased-<n>`), the erased marker itself,
 * ids, kinds, entitlement keys, times.
 *
 * A finding without an employee number (an account no identity matches) names no known person: no
 * erasure could reach it, so it stays clear (docs/personal-data.md, limits). So does a
 * DriftRemediationRequested recorded before it carried the employee number.
 */

/** The connector's reconciliation run streams (services/connector reconciliation-streams.ts). */
const RECONCILIATION_STREAM_PREFIX = 'reconciliation-';

type Replace = (subject: string, value: unknown) => unknown;
type Data = Record<string, unknown>;

const STREAM_PREFIX: Readonly<Record<string, string>> = {
  DriftDetected: RECONCILIATION_STREAM_PREFIX,
  DriftRemediationRequested: DRIFT_STREAM_PREFIX,
  DriftAdopted: DRIFT_STREAM_PREFIX,
};

/** True when reconciliation or drift events of this type may carry personal values. */
export function driftEventCarriesPersonalData(type: string): boolean {
  return type in STREAM_PREFIX;
}

/**
 * A copy of a reconciliation or drift event's data with each personal value replaced by
 * `replace(subject, value)`; the data itself when it names nobody or carries no personal value.
 */
export function mapDriftPersonalValues(streamId: string, type: string, data: unknown, replace: Replace): unknown {
  const prefix = STREAM_PREFIX[type];
  if (prefix === undefined || !streamId.startsWith(prefix) || !isObject(data)) return data;
  if (type === 'DriftDetected') {
    const drift = data['drift'];
    if (!Array.isArray(drift)) return data;
    const mapped = drift.map((finding: unknown) => mapFinding(finding, replace));
    return mapped.every((finding, i) => finding === drift[i]) ? data : { ...data, drift: mapped };
  }
  // DriftRemediationRequested and DriftAdopted: the account's user name, under the key of the drift's person.
  return mapUserName(data, replace);
}

function mapFinding(finding: unknown, replace: Replace): unknown {
  if (!isObject(finding)) return finding;
  const employeeNumber = employeeNumberOf(finding);
  if (employeeNumber === null) return finding;
  const subject = `${IDENTITY_STREAM_PREFIX}${employeeNumber}`;
  const withUserName = mapUserName(finding, replace);
  const differences = finding['differences'];
  if (!Array.isArray(differences) || !differences.some((difference) => isObject(difference))) return withUserName;
  const seal = (value: unknown) => (personalText(value) ? replace(subject, value) : value);
  return {
    ...withUserName,
    differences: differences.map((difference: unknown) =>
      isObject(difference) ? { ...difference, expected: seal(difference['expected']), actual: seal(difference['actual']) } : difference,
    ),
  };
}

/** The record with its `userName` sealed under the key of its `employeeNumber`; the record itself when there is nothing to seal. */
function mapUserName(record: Data, replace: Replace): Data {
  const employeeNumber = employeeNumberOf(record);
  const userName = record['userName'];
  if (employeeNumber === null || !personalText(userName) || madeFromEmployeeNumber(userName, employeeNumber)) return record;
  return { ...record, userName: replace(`${IDENTITY_STREAM_PREFIX}${employeeNumber}`, userName) };
}

/** Text that may name someone: not null, not the erased marker (a value read after an erasure and written again). */
function personalText(value: unknown): value is string {
  return typeof value === 'string' && !isErased(value);
}

function employeeNumberOf(record: Data): string | null {
  const employeeNumber = record['employeeNumber'];
  return typeof employeeNumber === 'string' && employeeNumber !== '' ? employeeNumber : null;
}

/** The user names Tenure makes when there is no email to take one from (see the connector's user-name.ts). */
function madeFromEmployeeNumber(userName: string, employeeNumber: string): boolean {
  return userName === `employee-${employeeNumber}` || userName === `erased-${employeeNumber}`;
}

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
