export * from './identity-events';
export * from './assignment-events';
export * from './provisioning-events';
export * from './policy-events';
export * from './drift-events';
