export * from './config/load-config';
export * from './logging/logger';
