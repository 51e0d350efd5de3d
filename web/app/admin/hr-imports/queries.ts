import 'server-only';
import { graphql } from '@/lib/graphql';

export interface HrImportRun {
  id: string;
  fileName: string;
  status: string;
  complete: boolean;
  startedAt: string;
  completedAt: string | null;
  counts: {
    rows: number;
    accepted: number;
    rejected: number;
    corrected: number;
    hires: number;
    rehires: number;
    movers: number;
    updates: number;
    leavers: number;
    failed: number;
  };
  heldReasons: string[];
  fileErrors: string[];
  decidedBy: string | null;
  discardReason: string | null;
  /** When the rejected rows without an employee number were erased (retention period or eraseHrImportUnnamedRows); null before. */
  unnamedRowsErasedAt: string | null;
  rejectedRecords: {
    line: number | null;
    employeeNumber: string | null;
    errors: string[];
    corrected: boolean;
    correctionResult: string | null;
  }[];
  failedChanges: { employeeNumber: string | null; error: string }[];
}

const RUN_FIELDS = `
  id fileName status complete startedAt completedAt
  counts { rows accepted rejected corrected hires rehires movers updates leavers failed }
  heldReasons fileErrors decidedBy discardReason unnamedRowsErasedAt
  rejectedRecords { line employeeNumber errors corrected correctionResult }
  failedChanges { employeeNumber error }
`;

export interface HrFeedHold {
  id: string;
  channel: string;
  status: string;
  reasons: string[];
  population: number;
  windowStart: string;
  heldAt: string;
  changeCount: number;
  decidedBy: string | null;
  decidedAt: string | null;
  discardReason: string | null;
  applied: number | null;
  failures: { employeeNumber: string; code: string; error: string }[];
  changes: { employeeNumber: string; description: string; kinds: string[]; correlationId: string; receivedAt: string }[];
}

const HOLD_FIELDS = `
  id channel status reasons population windowStart heldAt changeCount decidedBy decidedAt discardReason applied
  failures { employeeNumber code error }
  changes { employeeNumber description kinds correlationId receivedAt }
`;

export interface HrImportsView {
  held: HrImportRun[];
  heldBursts: HrFeedHold[];
  recentBursts: HrFeedHold[];
  runs: HrImportRun[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const RUN_PAGE_SIZE = 10;

export async function hrImportsView(after: string | undefined): Promise<HrImportsView> {
  const answer = await graphql<{
    heldHrImportRuns: HrImportRun[];
    heldBursts: HrFeedHold[];
    recentBursts: HrFeedHold[];
    hrImportRuns: { pageInfo: HrImportsView['pageInfo']; edges: { node: HrImportRun }[] };
  }>(
    `query HrImports($after: String, $first: Int!) {
      heldHrImportRuns { ${RUN_FIELDS} }
      heldBursts: hrFeedHolds(status: HELD, first: 100) { ${HOLD_FIELDS} }
      recentBursts: hrFeedHolds(first: 20) { ${HOLD_FIELDS} }
      hrImportRuns(after: $after, first: $first) { pageInfo { hasNextPage endCursor } edges { node { ${RUN_FIELDS} } } }
    }`,
    { after: after ?? null, first: RUN_PAGE_SIZE },
  );
  return {
    held: answer.heldHrImportRuns,
    heldBursts: answer.heldBursts,
    recentBursts: answer.recentBursts.filter((hold) => hold.status !== 'HELD'),
    runs: answer.hrImportRuns.edges.map((edge) => edge.node),
    pageInfo: answer.hrImportRuns.pageInfo,
  };
}
