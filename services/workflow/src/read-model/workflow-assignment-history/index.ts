export * from './workflow-assignment-history.projection';
export * from './workflow-assignment-history.queries';
export type { AppliedExtension } from './workflow-assignment-history.table';
export * from './granting-requests.queries';
