export * from './config/load-config';
export * from './logging/logger';
export * from './postgres';
export * from './process/process-inspection';
export * from './net/free-port';
export * from './logging/log-context';
