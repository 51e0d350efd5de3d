import type { Condition } from '../model/condition';
import type { PolicySubject } from '../model/subject';
import { attributeReader } from './condition-attributes';
import { assertNever, describeCondition, quote } from './describe-condition';

/**
 * A condition turned into closures once per policy version. `test` allocates nothing: a simulation
 * calls it for every rule and every identity (tens of millions of times); `explain` builds the
 * readable reasons and is only called for the rules that matched.
 */
export interface CompiledCondition {
  readonly condition: Condition;
  readonly description: string;
  readonly test: (subject: PolicySubject) => boolean;
  /** What held, e.g. `department = "Engineering"`; only meaningful when `test` is true. */
  readonly explain: (subject: PolicySubject) => string[];
}

export function compileCondition(condition: Condition): CompiledCondition {
  const description = describeCondition(condition);
  const compiled = compileParts(condition, description);
  return { condition, description, ...compiled };
}

type Parts = Pick<CompiledCondition, 'test' | 'explain'>;

function compileParts(condition: Condition, description: string): Parts {
  switch (condition.op) {
    case 'always':
      return { test: () => true, explain: () => ['everyone'] };
    case 'all': {
      const parts = condition.conditions.map(compileCondition);
      return {
        test: (subject) => {
          for (const part of parts) if (!part.test(subject)) return false;
          return true;
        },
        explain: (subject) => parts.flatMap((part) => part.explain(subject)),
      };
    }
    case 'any': {
      const parts = condition.conditions.map(compileCondition);
      return {
        test: (subject) => {
          for (const part of parts) if (part.test(subject)) return true;
          return false;
        },
        // Every branch that held, not only the first: the reader sees all the reasons that apply.
        explain: (subject) => parts.filter((part) => part.test(subject)).flatMap((part) => part.explain(subject)),
      };
    }
    case 'not': {
      const inner = compileCondition(condition.condition);
      return { test: (subject) => !inner.test(subject), explain: () => [description] };
    }
    case 'equals': {
      const read = attributeReader(condition.attribute);
      const { value } = condition;
      return { test: (subject) => read(subject) === value, explain: () => [description] };
    }
    case 'in': {
      const read = attributeReader(condition.attribute);
      const values = new Set(condition.values);
      return { test: (subject) => values.has(read(subject)), explain: (subject) => [`${description} (is ${quote(read(subject))})`] };
    }
    case 'prefix': {
      const read = attributeReader(condition.attribute);
      const { value } = condition;
      return {
        test: (subject) => read(subject).startsWith(value),
        explain: (subject) => [`${description} (is ${quote(read(subject))})`],
      };
    }
    case 'exists': {
      const read = attributeReader(condition.attribute);
      return { test: (subject) => read(subject).length > 0, explain: (subject) => [`${description} (is ${quote(read(subject))})`] };
    }
    case 'reportsTo': {
      const manager = condition.employeeNumber;
      return {
        test: (subject) => managersBelow(subject, manager) !== null,
        explain: (subject) => {
          const between = managersBelow(subject, manager) ?? [];
          return [`${description} (${between.length === 0 ? 'directly' : `through ${between.join(' → ')}`})`];
        },
      };
    }
    default:
      return assertNever(condition);
  }
}

/**
 * The managers between the subject and `manager` (nearest first), or null when the subject does not
 * report to them. The chain is the source of truth; the direct manager alone counts when the chain
 * is missing (a directory that has not resolved the hierarchy yet).
 */
function managersBelow(subject: PolicySubject, manager: string): readonly string[] | null {
  const chain = subject.managerChain;
  const position = chain.indexOf(manager);
  if (position >= 0) return chain.slice(0, position);
  if (chain.length === 0 && subject.managerEmployeeNumber === manager) return [];
  return null;
}
