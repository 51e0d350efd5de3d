import { MOVER_ATTRIBUTES, type HrRecord, type MoverAttribute } from '../../domain/hr-record';
import { ATTRIBUTE_NAMES, type AttributeName } from '../../domain/identity';
import type { HrFieldChange } from './hr-change-set';

/** Every attribute but `custom`, which is compared per column below. */
const COMPARED_ATTRIBUTES = ATTRIBUTE_NAMES.filter((name): name is Exclude<AttributeName, 'custom'> => name !== 'custom');

/**
 * The fields that differ between what is known and what the file says, excluding termination facts
 * (they make a leaver or a cancelled termination, decided by the caller). Custom attributes are compared
 * only for the names the file carries, an empty value meaning none: a file without a custom column
 * leaves that attribute alone.
 */
export function fieldChanges(before: HrRecord, after: HrRecord): HrFieldChange[] {
  const changes: HrFieldChange[] = [];
  for (const field of COMPARED_ATTRIBUTES) {
    const [was, now] = [before.attributes[field], after.attributes[field]];
    if (was !== now) changes.push({ field, before: was, after: now });
  }
  if (before.startDate !== after.startDate) changes.push({ field: 'startDate', before: before.startDate, after: after.startDate });
  for (const [name, value] of Object.entries(after.attributes.custom)) {
    const was = before.attributes.custom[name] || null;
    const now = value || null;
    if (was !== now) changes.push({ field: `custom.${name}`, before: was, after: now });
  }
  return changes;
}

export function movedAttributes(changes: readonly HrFieldChange[]): MoverAttribute[] {
  return MOVER_ATTRIBUTES.filter((attribute) => changes.some((change) => change.field === attribute));
}
