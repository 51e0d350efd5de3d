export * from './operation.events';
export * from './operation.commands';
export * from './operation.decider';
export * from './operation-ids';
export * from './retry-schedule';
