import type { HrRecord } from '../../domain/hr-record';
import type { CurrentIdentities, HrChangeSet } from '../../hr-inputs/csv';

/** Deeper than any real hierarchy; the identity commands' own check stops at the same depth. */
const MAX_DEPTH = 1000;

/**
 * The employees of a change set whose new manager provably cannot close a management cycle, so the
 * per-record manager-chain query (and its wait for the directory) can be skipped for them: a
 * performance shortcut for imports, where that query was most of the time per record.
 *
 * The proof walks the hierarchy as it will be once the whole change set is applied (the directory
 * snapshot the diff was computed on, overridden by every record of the change set) from the new
 * manager upwards; if the walk ends at the top or at an unknown manager without meeting the
 * employee, no cycle can form through them. That is at least as strict as the per-record query,
 * which sees a directory where only part of the import has been applied yet. Anyone on a possible
 * cycle is left out and goes through the per-record check, which reports the failure as before.
 * Like the per-record check it cannot see writes from other inputs made after the snapshot.
 */
export function provablyCycleFree(changeSet: HrChangeSet, current: CurrentIdentities): ReadonlySet<string> {
  const managerAfter = new Map<string, string | null>();
  for (const [employeeNumber, identity] of current) managerAfter.set(employeeNumber, identity.record.attributes.managerEmployeeNumber);
  const records: HrRecord[] = [
    ...changeSet.hires.map((change) => change.record),
    ...changeSet.rehires.map((change) => change.record),
    ...changeSet.movers.map((change) => change.record),
    ...changeSet.updates.map((change) => change.record),
  ];
  for (const record of records) managerAfter.set(record.employeeNumber, record.attributes.managerEmployeeNumber);

  const safe = new Set<string>();
  for (const record of records) {
    if (reachesTopWithoutMeeting(record.employeeNumber, record.attributes.managerEmployeeNumber, managerAfter)) {
      safe.add(record.employeeNumber);
    }
  }
  return safe;
}

function reachesTopWithoutMeeting(
  employeeNumber: string,
  manager: string | null,
  managerAfter: ReadonlyMap<string, string | null>,
): boolean {
  let current = manager;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (current === null || !managerAfter.has(current)) return true; // top, or a manager not known yet
    if (current === employeeNumber) return false;
    current = managerAfter.get(current) ?? null;
  }
  return false; // a cycle elsewhere above, or absurdly deep: let the per-record check decide
}
