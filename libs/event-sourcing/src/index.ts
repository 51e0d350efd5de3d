export * from './event';
export * from './position';
export * from './errors';
export * from './event-store';
export * from './decider';
export * from './runtime';
export * from './command-handler';
