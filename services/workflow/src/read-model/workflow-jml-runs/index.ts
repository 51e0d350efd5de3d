export { workflowJmlRunsProjection } from './workflow-jml-runs.projection';
export * from './workflow-jml-runs.queries';
