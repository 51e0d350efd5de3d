/** One stream per import run. */
export const HR_IMPORT_STREAM_PREFIX = 'hr-import-';

export function hrImportStreamId(runId: string): string {
  return `${HR_IMPORT_STREAM_PREFIX}${runId}`;
}
