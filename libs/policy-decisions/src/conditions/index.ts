export { isConditionAttribute } from './condition-attributes';
export { compileCondition, type CompiledCondition } from './compile-condition';
export { conditionDepth, MAX_CONDITION_DEPTH } from './condition-depth';
export { describeCondition } from './describe-condition';
export { evaluateCondition, type ConditionEvaluation } from './evaluate-condition';
