export { DEFAULT_MASS_CHANGE_POLICY, type MassChangePolicy } from './mass-change-policy';
export {
  guardMassChange,
  guardMassChangeCounts,
  type GuardedChangeKind,
  type GuardedChanges,
  type GuardMeasure,
  type MassChangeDecision,
} from './guard-mass-change';
export * from './mass-change-config';
