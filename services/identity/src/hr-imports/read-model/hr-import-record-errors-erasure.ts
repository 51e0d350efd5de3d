import { ERASED_MARKER } from '@tenure/contracts';
import type { PoolClient } from 'pg';

/** Every raw value and every error of the rows matched by the WHERE that follows becomes $2 (the marker). */
const BLANK_REJECTED_ROWS = `UPDATE hr_import_record_errors
    SET raw = (SELECT coalesce(jsonb_object_agg(column_name, $2::jsonb), '{}'::jsonb) FROM jsonb_object_keys(raw) AS column_name),
        errors = (SELECT coalesce(jsonb_agg($2::jsonb), '[]'::jsonb) FROM jsonb_array_elements(errors))`;

/**
 * Blanks what a person's rejected and corrected rows hold of them: every raw value and every error
 * (errors quote the values they refuse). The same shape as a rebuild gives, where those values were
 * sealed under the person's key and now read as the marker: columns stay, values become "[erased]".
 * A row that named no person is sealed under its run's key: see eraseUnnamedRecordErrorsOf.
 */
export async function eraseRecordErrorsOf(employeeNumber: string, client: PoolClient): Promise<void> {
  const marker = JSON.stringify(ERASED_MARKER);
  await client.query(`${BLANK_REJECTED_ROWS} WHERE employee_number = $1 AND stage = 'rejected'`, [employeeNumber, marker]);
  await client.query(
    `UPDATE hr_import_record_errors
        SET corrected_raw = (
              SELECT coalesce(jsonb_object_agg(column_name, $2::jsonb), '{}'::jsonb) FROM jsonb_object_keys(corrected_raw) AS column_name
            )
      WHERE corrected_employee_number = $1 AND corrected_raw IS NOT NULL`,
    [employeeNumber, marker],
  );
}

/**
 * Blanks the run's rejected rows that name nobody (HrImportUnnamedRowsErased): their raw values and errors
 * were sealed under the run's key, now destroyed, so a rebuild reads them as the marker too. A corrected
 * row keeps its corrected values: they name the person it was corrected to, and are sealed under their key.
 */
export async function eraseUnnamedRecordErrorsOf(runId: string, client: PoolClient): Promise<void> {
  await client.query(`${BLANK_REJECTED_ROWS} WHERE run_id = $1 AND stage = 'rejected' AND employee_number IS NULL`, [
    runId,
    JSON.stringify(ERASED_MARKER),
  ]);
}
