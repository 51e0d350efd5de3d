export * from './conditions';
export * from './decisions';
export * from './model';
export * from './simulation';
export * from './validation';
