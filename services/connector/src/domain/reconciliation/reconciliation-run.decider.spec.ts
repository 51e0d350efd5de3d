import { deciderSpec } from '@tenure/testing';
import { driftIdOf, type DriftFinding } from './drift';
import { reconciliationRunDecider } from './reconciliation-run.decider';
import type { ReconciliationRunEvent } from './reconciliation-run.events';

const startedAt = new Date('2026-05-10T08:00:00Z');
const now = new Date('2026-05-10T08:00:42Z');
const spec = deciderSpec(reconciliationRunDecider);

const started: ReconciliationRunEvent = {
  type: 'ReconciliationStarted',
  data: { runId: 'r1', applicationId: 'crm', trigger: 'schedule', remediation: 'revoke', startedAt: startedAt.toISOString() },
};

function finding(overrides: Partial<DriftFinding> = {}): DriftFinding {
  const subject = { applicationId: 'crm', kind: 'orphaned-account' as const, userName: 'ghost', entitlementKey: null, ...overrides };
  return {
    driftId: driftIdOf(subject),
    occurrence: 1,
    firstSeen: true,
    identityId: null,
    employeeNumber: null,
    identityStatus: null,
    accountEnabled: true,
    assignmentId: null,
    reason: 'no identity has the user name or employee number of this account',
    differences: [],
    remediation: { kind: 'operation', action: 'disable-account', priority: 'routine' },
    ...subject,
  };
}

const detected = (drift: DriftFinding[]): ReconciliationRunEvent => ({
  type: 'DriftDetected',
  data: { runId: 'r1', applicationId: 'crm', drift, detectedAt: now.toISOString() },
});

describe('a reconciliation run', () => {
  it('given nothing, when started, then it runs with the setting it started with; started twice is a conflict', () => {
    spec
      .given([])
      .when({
        type: 'StartReconciliation',
        data: { runId: 'r1', applicationId: 'crm', trigger: 'schedule', remediation: 'revoke', now: startedAt },
      })
      .then([started]);
    spec
      .given([started])
      .when({ type: 'StartReconciliation', data: { runId: 'r1', applicationId: 'crm', trigger: 'schedule', remediation: 'revoke', now } })
      .thenThrows({ code: 'conflict' });
  });

  it('given drift found in two batches, when completed, then the counts add up by kind, by what was new and by what was decided', () => {
    const seenBefore = finding({
      kind: 'grant-outside-tenure',
      userName: 'jane',
      entitlementKey: 'admins',
      firstSeen: false,
      occurrence: 2,
      remediation: { kind: 'already-handled', status: 'dismissed' },
    });
    const missing = finding({
      kind: 'missing-grant',
      userName: 'john',
      entitlementKey: 'sales',
      remediation: { kind: 'flag', reason: 'x' },
    });
    spec
      .given([started, detected([finding()]), detected([seenBefore, missing])])
      .when({ type: 'CompleteReconciliation', data: { accountsSeen: 120, grantsSeen: 300, now } })
      .then([
        {
          type: 'ReconciliationCompleted',
          data: {
            runId: 'r1',
            applicationId: 'crm',
            accountsSeen: 120,
            grantsSeen: 300,
            drift: { 'orphaned-account': 1, 'grant-outside-tenure': 1, 'missing-grant': 1, 'attribute-drift': 0 },
            newDrift: 2,
            remediation: { operations: 1, adoptions: 0, flagged: 1, alreadyHandled: 1 },
            listingRestarts: [],
            durationMs: 42_000,
            completedAt: now.toISOString(),
          },
        },
      ]);
  });

  it('given a running run, when drift of another application is recorded, then it is refused; an empty batch records nothing', () => {
    spec
      .given([started])
      .when({ type: 'RecordDrift', data: { drift: [finding({ applicationId: 'erp' })], now } })
      .thenThrows({ code: 'validation' });
    spec
      .given([started])
      .when({ type: 'RecordDrift', data: { drift: [], now } })
      .then([]);
  });

  it('given a listing restarted once, when it must restart again, then it is refused so that the run fails saying why', () => {
    const restarted: ReconciliationRunEvent = {
      type: 'ReconciliationListingRestarted',
      data: { runId: 'r1', listing: 'accounts', reason: 'cursor expired', restartedAt: now.toISOString() },
    };
    spec
      .given([started])
      .when({ type: 'RestartListing', data: { listing: 'accounts', reason: 'cursor expired', now } })
      .then([restarted]);
    spec
      .given([started, restarted])
      .when({ type: 'RestartListing', data: { listing: 'accounts', reason: 'cursor expired again', now } })
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('restarted once already') });
    spec
      .given([started, restarted])
      .when({ type: 'RestartListing', data: { listing: 'grants', reason: 'cursor expired', now } })
      .then([{ ...restarted, data: { ...restarted.data, listing: 'grants' } } as ReconciliationRunEvent]);
  });

  it('given a running run, when it fails, then the error and duration are recorded; a finished run neither fails nor completes again', () => {
    const failed: ReconciliationRunEvent = {
      type: 'ReconciliationFailed',
      data: {
        runId: 'r1',
        applicationId: 'crm',
        error: { kind: 'unavailable', message: '503' },
        durationMs: 42_000,
        failedAt: now.toISOString(),
      },
    };
    spec
      .given([started])
      .when({ type: 'FailReconciliation', data: { error: { kind: 'unavailable', message: '503' }, now } })
      .then([failed]);
    spec
      .given([started, failed])
      .when({ type: 'CompleteReconciliation', data: { accountsSeen: 0, grantsSeen: 0, now } })
      .thenThrows({ code: 'illegal_state' });
    spec
      .given([])
      .when({ type: 'FailReconciliation', data: { error: { kind: 'internal', message: 'x' }, now } })
      .thenThrows({ code: 'not_found' });
  });
});
