export * from './sod-violations.commands';
export * from './sod-violations.events';
export * from './sod-violations.decider';
