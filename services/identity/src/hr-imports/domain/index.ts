export { hrImportDecider } from './hr-import.decider';
export * from './hr-import.commands';
export * from './hr-import.events';
export * from './hr-import-correction';
export * from './hr-import-unnamed-rows-erasure';
export type { Quarantine, QuarantinedRecord } from './hr-import-quarantine';
