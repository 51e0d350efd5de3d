export * from './connector-identities.projection';
export * from './connector-assignments.projection';
export * from './desired-state.queries';
export * from './desired-state.tables';
