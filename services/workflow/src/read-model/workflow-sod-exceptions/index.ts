export { workflowSodExceptionsProjection } from './workflow-sod-exceptions.projection';
export { validExceptionsOf } from './workflow-sod-exceptions.queries';
