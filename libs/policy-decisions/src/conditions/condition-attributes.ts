import { CONDITION_ATTRIBUTES, type ConditionAttribute } from '../model/condition';
import type { PolicySubject } from '../model/subject';

const CUSTOM_PREFIX = 'custom.';

/** A named attribute, or `custom.<name>` with a non-empty name. */
export function isConditionAttribute(value: string): value is ConditionAttribute {
  if (value.startsWith(CUSTOM_PREFIX)) return value.length > CUSTOM_PREFIX.length;
  return (CONDITION_ATTRIBUTES as readonly string[]).includes(value);
}

/** Reads one attribute of a subject; a missing custom attribute reads as "" (so `exists` is false). */
export type AttributeReader = (subject: PolicySubject) => string;

/**
 * Resolved once per condition at compile time, so evaluation is a property read instead of a
 * string switch for each of the millions of evaluations a simulation makes.
 */
export function attributeReader(attribute: ConditionAttribute): AttributeReader {
  if (attribute.startsWith(CUSTOM_PREFIX)) {
    const name = attribute.slice(CUSTOM_PREFIX.length);
    // Own properties only: `custom.constructor` must not read Object.prototype.constructor.
    return (subject) => (Object.hasOwn(subject.custom, name) ? (subject.custom[name] ?? '') : '');
  }
  switch (attribute) {
    case 'employeeNumber':
      return (subject) => subject.employeeNumber;
    case 'department':
      return (subject) => subject.department;
    case 'title':
      return (subject) => subject.title;
    case 'location':
      return (subject) => subject.location;
    case 'costCenter':
      return (subject) => subject.costCenter;
    case 'employmentType':
      return (subject) => subject.employmentType;
    case 'status':
      return (subject) => subject.status;
    default:
      // Not a known attribute (an unvalidated policy): it never has a value.
      return () => '';
  }
}
