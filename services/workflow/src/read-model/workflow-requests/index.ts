export * from './request-streams';
export * from './workflow-requests.projection';
export * from './workflow-requests.queries';
