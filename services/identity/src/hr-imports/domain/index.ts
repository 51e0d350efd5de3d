export { hrImportDecider } from './hr-import.decider';
export * from './hr-import.commands';
export * from './hr-import.events';
