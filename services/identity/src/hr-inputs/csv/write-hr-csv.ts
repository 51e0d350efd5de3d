import type { HrRecord } from '../../domain/hr-record';
import { CUSTOM_COLUMN_PREFIX, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './hr-csv-columns';

function quoted(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes records as an HR extract in the documented columns, every custom attribute of any record as a
 * `custom.<name>` column. For generated files (demo data, benchmarks, tests); `importHrCsv` reads it back.
 */
export function writeHrCsv(records: readonly HrRecord[]): string {
  const customNames = [...new Set(records.flatMap((record) => Object.keys(record.attributes.custom)))].sort();
  const header = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS, ...customNames.map((name) => `${CUSTOM_COLUMN_PREFIX}${name}`)];
  const lines = records.map((record) => {
    const { attributes } = record;
    return [
      record.employeeNumber,
      attributes.givenName,
      attributes.familyName,
      attributes.email,
      attributes.department,
      attributes.title,
      attributes.managerEmployeeNumber ?? '',
      attributes.location,
      attributes.costCenter,
      attributes.employmentType,
      record.startDate,
      record.terminationDate ?? '',
      record.active ? 'true' : 'false',
      ...customNames.map((name) => attributes.custom[name] ?? ''),
    ]
      .map(quoted)
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
