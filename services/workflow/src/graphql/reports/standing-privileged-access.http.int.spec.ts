import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';
import { added, provisioned, revoked, type ScriptedAssignment } from '../../testing/assignment-history-events';
import { annotateEntitlement, discoverEntitlement, registerApplication } from '../../testing/catalog-events';
import { hire, identityIdOf } from '../../testing/identity-events';

const ADMIN_TOKEN = 'standing-access-admin-token';
const PERSON_SECRET = 'a-caller-token-secret-of-at-least-32-characters';
const REPORT = `query ($first: Int) { standingPrivilegedAccessReport(first: $first) { total grants {
  assignmentId identity { id } employeeNumber applicationId applicationName entitlementKey entitlementName risk
  source { kind reference } addedAt heldSince } } }`;

interface Report {
  readonly standingPrivilegedAccessReport: { total: number; grants: Record<string, unknown>[] };
}

// Standing privileged access over HTTP, from a scripted catalog and assignment history with a known
// answer: only high-risk grants held with no end count, longest held first.
describe('standing privileged access report over HTTP', () => {
  jest.setTimeout(30_000);
  let database: TestDatabase;
  let workflow: LocalService;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);
  const ada = identityIdOf('7401');
  const bob = identityIdOf('7402');
  const grant = (assignmentId: string, identityId: string, applicationId: string, entitlementKey: string, durationMs?: number) =>
    ({
      assignmentId,
      identityId,
      applicationId,
      entitlementKey,
      source: { kind: 'request', reference: `r-${assignmentId}`, policyVersion: null },
      ...(durationMs ? { durationMs } : {}),
    }) as ScriptedAssignment;

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = PERSON_SECRET;
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    const s = store();
    for (const applicationId of ['github', 'aws-production', 'slack']) await registerApplication(s, applicationId, '10002');
    for (const [applicationId, key, risk] of [
      ['github', 'org-admin', 'critical'],
      ['github', 'org-member', 'medium'],
      ['aws-production', 'deploy', 'critical'],
      ['slack', 'workspace-admin', 'high'],
    ] as const) {
      await discoverEntitlement(s, applicationId, key);
      await annotateEntitlement(s, applicationId, key, { displayName: `${key} (annotated)`, risk });
    }
    await hire(s, { employeeNumber: '7401', department: 'Engineering' });
    await hire(s, { employeeNumber: '7402', department: 'Engineering' });
    const orgAdmin = grant('sp-1', ada, 'github', 'org-admin');
    await added(s, orgAdmin, '2026-03-01T09:00:00.000Z');
    await provisioned(s, orgAdmin, '2026-03-01T10:00:00.000Z');
    const jit = grant('sp-2', bob, 'aws-production', 'deploy', 4 * 3_600_000);
    await added(s, jit, '2026-03-02T09:00:00.000Z');
    await provisioned(s, jit, '2026-03-02T09:01:00.000Z');
    const member = grant('sp-3', bob, 'github', 'org-member');
    await added(s, member, '2026-03-02T09:00:00.000Z');
    await provisioned(s, member, '2026-03-02T09:01:00.000Z');
    const slackAdmin = grant('sp-4', bob, 'slack', 'workspace-admin');
    await added(s, slackAdmin, '2026-02-01T09:00:00.000Z');
    await provisioned(s, slackAdmin, '2026-02-01T09:00:05.000Z');
    await added(s, grant('sp-5', ada, 'slack', 'workspace-admin'), '2026-03-03T09:00:00.000Z');
    const revokedAdmin = grant('sp-6', bob, 'github', 'org-admin');
    await added(s, revokedAdmin, '2026-03-01T09:00:00.000Z');
    await provisioned(s, revokedAdmin, '2026-03-01T09:00:10.000Z');
    await revoked(s, revokedAdmin, 'review', '2026-03-04T09:00:00.000Z');
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given permanent, just-in-time, low-risk, pending and revoked grants, when an auditor asks, then only the two permanent high-risk ones held, longest first', async () => {
    const auditor = await mintCallerToken(PERSON_SECRET, '9001', { roles: ['auditor'] });

    const report = await waitFor('the revocation to be folded', async () => {
      const { data } = await postGraphql<Report>(workflow.url, REPORT, {}, auditor);
      return data?.standingPrivilegedAccessReport.total === 2 ? data.standingPrivilegedAccessReport : undefined;
    });

    expect(report.grants).toEqual([
      {
        assignmentId: 'sp-4',
        identity: { id: bob },
        employeeNumber: '7402',
        applicationId: 'slack',
        applicationName: 'The slack application',
        entitlementKey: 'workspace-admin',
        entitlementName: 'workspace-admin (annotated)',
        risk: 'high',
        source: { kind: 'REQUEST', reference: 'r-sp-4' },
        addedAt: '2026-02-01T09:00:00.000Z',
        heldSince: '2026-02-01T09:00:05.000Z',
      },
      expect.objectContaining({ assignmentId: 'sp-1', employeeNumber: '7401', risk: 'critical', heldSince: '2026-03-01T10:00:00.000Z' }),
    ]);
  });

  it('given first: 1, when asked, then one grant and the exact total', async () => {
    const { data } = await postGraphql<Report>(workflow.url, REPORT, { first: 1 }, ADMIN_TOKEN);

    expect(data?.standingPrivilegedAccessReport).toMatchObject({ total: 2, grants: [{ assignmentId: 'sp-4' }] });
  });

  it('given first above 500, when asked, then BAD_USER_INPUT; an employee is FORBIDDEN', async () => {
    const employee = await mintCallerToken(PERSON_SECRET, '7401', { roles: [] });

    const tooMany = await postGraphql(workflow.url, REPORT, { first: 501 }, ADMIN_TOKEN);
    const asEmployee = await postGraphql(workflow.url, REPORT, {}, employee);

    expect(tooMany.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('first must be'),
    });
    expect(asEmployee.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
