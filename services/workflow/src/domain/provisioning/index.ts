export * from './provisioning-tracking';
