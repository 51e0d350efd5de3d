import type { Condition } from '../model/condition';

/**
 * The condition as a person reads it, e.g. `department = "Engineering" and (title starts with
 * "Senior" or custom.division in ["Labs","R&D"])`. Used in refusal reasons and in the portal.
 */
export function describeCondition(condition: Condition): string {
  switch (condition.op) {
    case 'always':
      return 'everyone';
    case 'all':
      return joinParts(condition.conditions, 'and', 'everyone');
    case 'any':
      return joinParts(condition.conditions, 'or', 'no one');
    case 'not':
      return `not (${describeCondition(condition.condition)})`;
    case 'equals':
      return `${condition.attribute} = ${quote(condition.value)}`;
    case 'in':
      return `${condition.attribute} in ${JSON.stringify(condition.values)}`;
    case 'prefix':
      return `${condition.attribute} starts with ${quote(condition.value)}`;
    case 'exists':
      return `${condition.attribute} is set`;
    case 'reportsTo':
      return `reports to ${condition.employeeNumber}`;
    default:
      return assertNever(condition);
  }
}

export function quote(value: string): string {
  return JSON.stringify(value);
}

function joinParts(conditions: readonly Condition[], word: 'and' | 'or', whenEmpty: string): string {
  if (conditions.length === 0) return whenEmpty;
  if (conditions.length === 1) return describeCondition(conditions[0]!);
  // Nested and/or get parentheses so "a and (b or c)" cannot be read as "(a and b) or c".
  return conditions.map((part) => (isCompound(part) ? `(${describeCondition(part)})` : describeCondition(part))).join(` ${word} `);
}

function isCompound(condition: Condition): boolean {
  return (condition.op === 'all' || condition.op === 'any') && condition.conditions.length > 1;
}

export function assertNever(value: never): never {
  throw new TypeError(`unexpected condition ${JSON.stringify(value)}`);
}
