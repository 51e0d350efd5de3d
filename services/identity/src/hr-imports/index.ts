export * from './domain';
export { HrImportService, type HrCsvImportRequest, type HrImportServiceDependencies } from './application/hr-import-service';
export {
  HrImportUnnamedRowsErasure,
  type HrImportUnnamedRowsErasureOutcome,
  type HrImportUnnamedRowsErasureRequest,
} from './application/hr-import-unnamed-rows-erasure';
export { startHrImportRetentionTimer, HR_IMPORT_RETENTION_ACTOR } from './application/hr-import-retention-timer';
export { HR_IMPORT_UNNAMED_ROWS_TIMER, unnamedRowsTimerId } from './read-model/hr-import-unnamed-rows-timer';
export type { HrImportOutcome } from './application/hr-import-outcome';
export type { HrImportCorrectionOutcome } from './application/hr-import-correction-outcome';
export type { HrRecordValue } from './application/corrected-row';
export { hrImportStreamId, HR_IMPORT_STREAM_PREFIX } from './application/hr-import-streams';
export { countKnownIdentities } from './application/count-known-identities';
export { hrImportRunsProjection } from './read-model/hr-import-runs.projection';
export * from './read-model/hr-import-runs.queries';
export type { HrImportRecordErrorRow, HrImportRunRow } from './read-model/hr-import-runs.table';
