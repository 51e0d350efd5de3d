export * from './catalog.commands';
export * from './catalog.events';
export * from './catalog.decider';
