export * from './replay-projections';
export * from './consistency-check';
export * from './compare-tables';
export * from './replay-progress';
export { ReplayBusyError } from './replay-lock';
