export * from './test-database';
export * from './wait-for';
export * from './decider-spec';
export * from './graphql-client';
export * from './placeholder-operations';
export * from './test-clock';
