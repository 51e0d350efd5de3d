export * from './decisions';
export * from './model';
