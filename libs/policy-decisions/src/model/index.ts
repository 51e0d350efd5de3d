export * from './condition';
export * from './entitlement';
export * from './policy-set';
export * from './policy-version';
export * from './subject';
