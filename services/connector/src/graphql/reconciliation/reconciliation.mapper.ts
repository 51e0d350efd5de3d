import type { DriftView, Paged, ReconciliationRunView } from '../../read-model/reconciliation/reconciliation.queries';
import { PageInfo } from '../shared/page-info.type';
import { AttributeDifference, Drift, DriftConnection, DriftEdge } from './drift.type';
import type {
  DriftKindName,
  DriftRemediationName,
  DriftStatusName,
  ReconciliationRunStatusName,
  ReconciliationTriggerName,
} from './reconciliation-enums';
import {
  DriftCounts,
  ReconciliationError,
  ReconciliationRun,
  ReconciliationRunConnection,
  ReconciliationRunEdge,
  RemediationCounts,
} from './reconciliation-run.type';

export function toReconciliationRun(view: ReconciliationRunView): ReconciliationRun {
  return Object.assign(new ReconciliationRun(), {
    id: view.runId,
    applicationId: view.applicationId,
    trigger: view.trigger as ReconciliationTriggerName,
    startedBy: view.startedBy,
    remediation: view.remediation as DriftRemediationName,
    status: view.status as ReconciliationRunStatusName,
    startedAt: view.startedAt,
    finishedAt: view.finishedAt,
    accountsSeen: view.accountsSeen,
    grantsSeen: view.grantsSeen,
    driftFound: view.driftFound,
    driftByKind: view.drift
      ? Object.assign(new DriftCounts(), {
          orphanedAccounts: view.drift['orphaned-account'],
          grantsOutsideTenure: view.drift['grant-outside-tenure'],
          missingGrants: view.drift['missing-grant'],
          attributeDrift: view.drift['attribute-drift'],
        })
      : null,
    newDrift: view.newDrift,
    remediationCounts: view.remediationCounts ? Object.assign(new RemediationCounts(), view.remediationCounts) : null,
    listingRestarts: [...view.listingRestarts],
    durationMs: view.durationMs,
    error: view.error ? Object.assign(new ReconciliationError(), view.error) : null,
  });
}

export function toReconciliationRunConnection(page: Paged<ReconciliationRunView>): ReconciliationRunConnection {
  return Object.assign(new ReconciliationRunConnection(), {
    edges: page.items.map(({ cursor, node }) => Object.assign(new ReconciliationRunEdge(), { cursor, node: toReconciliationRun(node) })),
    pageInfo: pageInfo(page),
  });
}

export function toDrift(view: DriftView): Drift {
  return Object.assign(new Drift(), {
    id: view.driftId,
    applicationId: view.applicationId,
    kind: view.kind as DriftKindName,
    status: view.status as DriftStatusName,
    userName: view.userName,
    entitlementKey: view.entitlementKey,
    identityId: view.identityId,
    employeeNumber: view.employeeNumber,
    accountEnabled: view.accountEnabled,
    assignmentId: view.assignmentId,
    reason: view.reason,
    differences: view.differences.map((difference) => Object.assign(new AttributeDifference(), difference)),
    occurrence: view.occurrence,
    firstSeenAt: view.firstSeenAt,
    detectedInRunId: view.firstSeenRunId,
    lastSeenAt: view.lastSeenAt,
    lastSeenInRunId: view.lastSeenRunId,
    goneAt: view.goneAt,
    policyDecision: policyDecision(view.planned),
    decidedBy: view.decidedBy,
    decidedAt: view.decidedAt,
    comment: view.comment,
    operationId: view.operationId,
    remediationError: view.remediationError,
  });
}

export function toDriftConnection(page: Paged<DriftView>): DriftConnection {
  return Object.assign(new DriftConnection(), {
    edges: page.items.map(({ cursor, node }) => Object.assign(new DriftEdge(), { cursor, node: toDrift(node) })),
    pageInfo: pageInfo(page),
  });
}

function policyDecision(planned: DriftView['planned']): string {
  switch (planned.kind) {
    case 'operation':
      return `operation: ${planned.action ?? ''}`;
    case 'adopt':
      return 'adopt';
    case 'flag':
      return `flagged: ${planned.reason ?? ''}`;
    default:
      return `already ${planned.status ?? 'handled'}`;
  }
}

function pageInfo<T>(page: Paged<T>): PageInfo {
  return Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null });
}
