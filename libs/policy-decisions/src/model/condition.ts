/**
 * Declarative conditions on identity attributes: data, never code. Birthright rules, "requestable
 * by" and auto-approval use them; every evaluation explains itself with the values that matched.
 */

/** Attributes a condition can test. `custom.<name>` reads an organisation-specific HR attribute. */
export const CONDITION_ATTRIBUTES = [
  'employeeNumber',
  'department',
  'title',
  'location',
  'costCenter',
  'employmentType',
  'status',
] as const;
export type ConditionAttribute = (typeof CONDITION_ATTRIBUTES)[number] | `custom.${string}`;

export type Condition =
  | { readonly op: 'all'; readonly conditions: readonly Condition[] }
  | { readonly op: 'any'; readonly conditions: readonly Condition[] }
  | { readonly op: 'not'; readonly condition: Condition }
  /** Case-sensitive equality with the attribute's value. */
  | { readonly op: 'equals'; readonly attribute: ConditionAttribute; readonly value: string }
  | { readonly op: 'in'; readonly attribute: ConditionAttribute; readonly values: readonly string[] }
  | { readonly op: 'prefix'; readonly attribute: ConditionAttribute; readonly value: string }
  /** The attribute has a non-empty value. */
  | { readonly op: 'exists'; readonly attribute: ConditionAttribute }
  /** The person reports, directly or through others, to this employee number. */
  | { readonly op: 'reportsTo'; readonly employeeNumber: string }
  /** Matches everyone (a birthright for all employees). */
  | { readonly op: 'always' };

export type ConditionOp = Condition['op'];
