import type { JmlRunApplicationView, JmlRunView } from '../../read-model/workflow-jml-runs';
import { identityReference } from '../identity/identity.type';
import { JmlRunApplication } from './jml-run-application.type';
import { JmlRunKind, JmlRunStatus } from './jml-run-enums';
import { JmlRun } from './jml-run.type';

export function toJmlRun(view: JmlRunView): JmlRun {
  return Object.assign(new JmlRun(), {
    id: view.runId,
    kind: view.kind as JmlRunKind,
    identityId: view.identityId,
    identity: identityReference(view.identityId),
    triggerEventId: view.triggerEventId,
    triggerType: view.triggerType,
    startedAt: view.startedAt,
    completedAt: view.completedAt,
    durationMs: view.durationMs,
    expected: view.expected,
    acknowledged: view.acknowledged,
    failed: view.failed,
    pending: Math.max(view.expected - view.acknowledged - view.failed, 0),
    status: view.status as JmlRunStatus,
  });
}

export function toJmlRunApplication(view: JmlRunApplicationView): JmlRunApplication {
  return Object.assign(new JmlRunApplication(), {
    applicationId: view.applicationId,
    expected: view.expected,
    acknowledged: view.acknowledged,
    failed: view.failed,
    pending: view.pending,
    lastSettledAt: view.lastSettledAt,
    completedAt: view.completedAt,
    durationMs: view.durationMs,
  });
}
