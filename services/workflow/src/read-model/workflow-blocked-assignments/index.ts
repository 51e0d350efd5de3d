export { workflowBlockedAssignmentsProjection } from './workflow-blocked-assignments.projection';
export { standingBlocks, type BlockedAssignmentView } from './workflow-blocked-assignments.queries';
