import type { Condition } from '../model/condition';
import type { PolicySubject } from '../model/subject';
import { compileCondition, type CompiledCondition } from './compile-condition';

export interface ConditionEvaluation {
  readonly matched: boolean;
  /** What held (e.g. `department = "Engineering"`); empty when the condition did not match. */
  readonly explanations: string[];
}

// Conditions are immutable data: compiling each object once is safe, and callers that evaluate the
// same policy's conditions repeatedly (a service without a CompiledPolicy at hand) pay it once.
const compiledConditions = new WeakMap<Condition, CompiledCondition>();

/** One-off evaluation with explanations; decisions use the conditions compiled with the policy. */
export function evaluateCondition(condition: Condition, subject: PolicySubject): ConditionEvaluation {
  let compiled = compiledConditions.get(condition);
  if (compiled === undefined) {
    compiled = compileCondition(condition);
    compiledConditions.set(condition, compiled);
  }
  const matched = compiled.test(subject);
  return { matched, explanations: matched ? compiled.explain(subject) : [] };
}
