export type { ItemValidation, PolicyItemKind, PolicyProblem, PolicyValidation } from './policy-problem';
export { SLUG } from './policy-schemas';
export { validateAccessPolicy, validateApproverGroup, validateBirthrightRule, validateRole, validateSodRule } from './validate-item';
export { validatePolicySet } from './validate-policy-set';
