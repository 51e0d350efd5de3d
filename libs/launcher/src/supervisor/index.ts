export * from './process-spec';
export * from './restart-policy';
export * from './supervision';
export * from './status-table';
export * from './output-lines';
export * from './supervisor';
