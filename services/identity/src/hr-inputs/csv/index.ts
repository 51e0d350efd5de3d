export { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, CUSTOM_COLUMN_PREFIX } from './hr-csv-columns';
export {
  NO_IDENTITIES,
  isInPopulation,
  populationSize,
  type CurrentIdentities,
  type CurrentIdentity,
  type IdentityStatus,
} from './current-identities';
export type { HrCsvImportResult, HrImportWarning, RejectedHrRow } from './hr-csv-import-result';
export { readHrCsv, type HrCsvRow, type HrCsvTable, type UnreadableHrCsvRow } from './read-hr-csv';
export { validateHrCsv } from './validate-hr-csv';
export { importHrCsv } from './import-hr-csv';
export { writeHrCsv } from './write-hr-csv';
export {
  isEmptyChangeSet,
  type HrChangeSet,
  type HrField,
  type HrFieldChange,
  type HrHire,
  type HrLeave,
  type HrLeaveCause,
  type HrMove,
  type HrRehire,
  type HrUpdate,
} from './hr-change-set';
export { diffHrRecords, MISSING_FROM_COMPLETE_FILE, type HrDiffOptions } from './diff-hr-records';
