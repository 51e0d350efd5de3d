export * from './start-slapd';
export * from './directory-fixtures';
