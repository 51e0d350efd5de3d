export * from './capabilities';
export * from './connector';
export * from './connector-error';
export * from './target-objects';
