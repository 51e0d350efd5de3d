export { birthrightFor } from './birthright';
export { checkSod } from './check-sod';
export type {
  AccessPolicyIndex,
  BirthrightGrant,
  CompiledAccessPolicy,
  CompiledBirthrightRule,
  CompiledPolicy,
  CompiledSodMember,
  CompiledSodRule,
  CompiledSodSet,
  SodIndex,
} from './compiled-policy';
export { compilePolicy } from './compile-policy';
export * from './decision-types';
export { evaluateRequest } from './evaluate-request';
