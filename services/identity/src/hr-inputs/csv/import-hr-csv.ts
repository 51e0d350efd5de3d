import { NO_IDENTITIES, type CurrentIdentities } from './current-identities';
import type { HrCsvImportResult } from './hr-csv-import-result';
import { readHrCsv } from './read-hr-csv';
import { validateHrCsv } from './validate-hr-csv';

/** Reads and validates a full HR extract: accepted records, rejected rows with their errors, warnings. */
export function importHrCsv(input: string | Buffer, current: CurrentIdentities = NO_IDENTITIES): HrCsvImportResult {
  return validateHrCsv(readHrCsv(input), current);
}
