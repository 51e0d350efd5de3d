export * from './birthright-process';
export * from './birthright-subject';
