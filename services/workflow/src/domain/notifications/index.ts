export * from './notification-kinds';
export * from './notification';
export * from './notification-triggers';
export * from './notification-planner';
export * from './notification-preferences.events';
export * from './notification-preferences.commands';
export * from './notification-preferences.decider';
