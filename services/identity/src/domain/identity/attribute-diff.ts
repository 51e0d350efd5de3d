import type { HrAttributes } from '../hr-record';

export type AttributeName = keyof HrAttributes;

/** Every HR attribute, in the order timelines show them. */
export const ATTRIBUTE_NAMES = [
  'givenName',
  'familyName',
  'email',
  'department',
  'title',
  'managerEmployeeNumber',
  'location',
  'costCenter',
  'employmentType',
  'custom',
] as const satisfies readonly AttributeName[];

// Fails to compile when HrAttributes gains an attribute that the list above misses.
type MissingAttributeNames = Exclude<AttributeName, (typeof ATTRIBUTE_NAMES)[number]>;
const everyAttributeListed: MissingAttributeNames extends never ? true : false = true;
void everyAttributeListed;

/** Some attributes: what a change, a schedule or one side of a diff carries. */
export type AttributeValues = Partial<HrAttributes>;

export interface AttributeDiff {
  readonly changed: readonly AttributeName[];
  /** Exactly the changed attributes, with their current values. */
  readonly before: AttributeValues;
  /** Exactly the changed attributes, with their new values. */
  readonly after: AttributeValues;
}

/** What `proposed` would change in `current`; attributes `proposed` leaves out are not touched. */
export function diffAttributes(current: HrAttributes, proposed: AttributeValues): AttributeDiff {
  const changed = ATTRIBUTE_NAMES.filter((name) => proposed[name] !== undefined && !sameValue(current[name], proposed[name]));
  return { changed, before: pick(current, changed), after: pick(proposed, changed) };
}

export function applyAttributes(current: HrAttributes, changes: AttributeValues): HrAttributes {
  return { ...current, ...definedOnly(changes) };
}

/** True when every attribute in `changes` already has that value in `target`. */
export function containsAll(target: AttributeValues, changes: AttributeValues): boolean {
  return ATTRIBUTE_NAMES.every((name) => changes[name] === undefined || sameValue(target[name], changes[name]));
}

export function definedOnly(values: AttributeValues): AttributeValues {
  return pick(
    values,
    ATTRIBUTE_NAMES.filter((name) => values[name] !== undefined),
  );
}

function pick(values: AttributeValues, names: readonly AttributeName[]): AttributeValues {
  return Object.fromEntries(names.map((name) => [name, values[name]])) as AttributeValues;
}

function sameValue(a: HrAttributes[AttributeName] | undefined, b: HrAttributes[AttributeName] | undefined): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const aKeys = Object.keys(a).sort();
    const bKeys = Object.keys(b).sort();
    return aKeys.length === bKeys.length && aKeys.every((key, i) => key === bKeys[i] && a[key] === b[key]);
  }
  return a === b;
}
