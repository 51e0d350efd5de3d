export * from './policy-set.commands';
export * from './policy-set.events';
export * from './policy-set.decider';
export { invalidPolicy } from './policy-set-validation';
export { POLICY_PARTS, policyPart, type PolicyPartKind, type PolicyPartTypes } from './policy-parts';
export { samePolicy } from './same-policy';
