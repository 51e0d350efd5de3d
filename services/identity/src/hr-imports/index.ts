export * from './domain';
export { HrImportService, type HrCsvImportRequest, type HrImportServiceDependencies } from './application/hr-import-service';
export type { HrImportOutcome } from './application/hr-import-outcome';
export { hrImportStreamId, HR_IMPORT_STREAM_PREFIX } from './application/hr-import-streams';
export { countKnownIdentities } from './application/count-known-identities';
export { hrImportRunsProjection } from './read-model/hr-import-runs.projection';
export * from './read-model/hr-import-runs.queries';
export type { HrImportRecordErrorRow, HrImportRunRow } from './read-model/hr-import-runs.table';
