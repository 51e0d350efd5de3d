import type { EvidenceKind, EvidenceRow } from '../evidence-kind';

const QUERY = `query HrImportErrorEvidence($first: Int!, $after: String) {
  hrImportRuns(first: $first, after: $after) {
    edges { node { id fileName status startedAt fileErrors
      rejectedRecords { line employeeNumber errors raw { name value } corrected correctedAt correctedBy correctionResult } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  readonly hrImportRuns: {
    readonly edges: readonly {
      readonly node: {
        readonly id: string;
        readonly fileName: string;
        readonly status: string;
        readonly startedAt: string;
        readonly fileErrors: readonly string[];
        readonly rejectedRecords: readonly {
          readonly line: number | null;
          readonly employeeNumber: string | null;
          readonly errors: readonly string[];
          readonly raw: readonly { readonly name: string; readonly value: string }[];
          readonly corrected: boolean;
          readonly correctedAt: string | null;
          readonly correctedBy: string | null;
          readonly correctionResult: string | null;
        }[];
      };
    }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** Every HR import's file errors and rejected records (one row each), with their raw values and corrections. */
export const hrImportErrors: EvidenceKind = {
  name: 'hr-import-errors',
  description: 'HR import errors: every rejected record with its line, problems and raw values, and how it was corrected',
  columns: [
    'run_id',
    'file_name',
    'run_status',
    'started_at',
    'line',
    'employee_number',
    'errors',
    'raw_values',
    'corrected',
    'corrected_at',
    'corrected_by',
    'correction_result',
  ],
  async rows(gateway) {
    const rows: EvidenceRow[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await gateway.query<Page>(QUERY, { first: 100, after });
      for (const { node: run } of page.hrImportRuns.edges) {
        const common = { run_id: run.id, file_name: run.fileName, run_status: run.status, started_at: run.startedAt };
        for (const error of run.fileErrors) {
          rows.push({ ...common, ...noRecord, errors: error });
        }
        for (const record of run.rejectedRecords) {
          rows.push({
            ...common,
            line: record.line,
            employee_number: record.employeeNumber,
            errors: record.errors.join(' | '),
            raw_values: JSON.stringify(Object.fromEntries(record.raw.map((value) => [value.name, value.value]))),
            corrected: record.corrected,
            corrected_at: record.correctedAt,
            corrected_by: record.correctedBy,
            correction_result: record.correctionResult,
          });
        }
      }
      if (!page.hrImportRuns.pageInfo.hasNextPage) return rows;
      after = page.hrImportRuns.pageInfo.endCursor;
    }
  },
};

/** A file error concerns no record. */
const noRecord = {
  line: null,
  employee_number: null,
  raw_values: null,
  corrected: false,
  corrected_at: null,
  corrected_by: null,
  correction_result: null,
};
