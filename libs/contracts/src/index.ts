export * from './identity-events';
export * from './assignment-events';
export * from './provisioning-events';
export * from './policy-events';
export * from './drift-events';
export * from './catalog-events';
export * from './sod-exception-events';
export * from './kill-switch-events';
