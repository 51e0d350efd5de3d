export * from './drift';
export * from './remediation-plan';
export type * from './reconciliation-run.events';
export type * from './reconciliation-run.commands';
export * from './reconciliation-run.decider';
export type {
  DriftAdopted,
  DriftDecidedBy,
  DriftDismissed,
  DriftHandling,
  DriftLifecycleEvent,
  DriftLifecycleState,
  DriftRemediationRequested,
} from './drift-lifecycle.events';
export {
  remediationOperationId,
  type AdministratorAction,
  type DriftDecision,
  type DriftLifecycleCommand,
  type DriftToRemediate,
  type RemediateDrift,
} from './drift-lifecycle.commands';
export * from './drift-lifecycle.decider';
