export * from './sod-exception.commands';
export * from './sod-exception.events';
export * from './sod-exception.decider';
