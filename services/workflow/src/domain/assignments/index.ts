export * from './assignments.commands';
export * from './assignments.events';
export * from './assignments.decider';
export * from './assignment-expiry';
