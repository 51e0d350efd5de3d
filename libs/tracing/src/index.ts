export * from './traces-wanted';
export * from './start-tracing';
export * from './trace-context';
