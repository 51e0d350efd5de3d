export * from './application.commands';
export * from './application.events';
export * from './application.decider';
