import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';
import { hireAndActivate, identityIdOf, terminate } from '../../testing/identity-events';
import { killSwitchPlanned, operationSucceeded } from '../../testing/operation-events';
import { POLICY_V1, publishPolicy } from '../../testing/policy-events';

const ADMIN_TOKEN = 'jml-runs-admin-token';
const PERSON_SECRET = 'a-caller-token-secret-of-at-least-32-characters';

const RUN_FIELDS = 'id kind identityId triggerType startedAt completedAt durationMs expected acknowledged failed pending status';

interface Run {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly expected: number;
  readonly acknowledged: number;
}
interface Runs {
  readonly jmlRuns: Run[];
}
const APPLICATION_FIELDS = 'applicationId expected acknowledged failed pending lastSettledAt completedAt durationMs';
const applicationsQuery = `{ jmlRuns(kind: LEAVER, first: 10) { id applications { ${APPLICATION_FIELDS} } } }`;

interface RunApplications {
  readonly jmlRuns: { id: string; applications: { applicationId: string; pending: number; completedAt: string | null }[] }[];
}

interface Held {
  readonly _entities: { assignments: { id: string; applicationId: string }[] }[];
}
interface Entities {
  readonly _entities: { jmlRuns: Run[] }[];
}

const heldQuery = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Identity { assignments { id applicationId } } } }`;
const runsOfQuery = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Identity { jmlRuns(kind: LEAVER) { ${RUN_FIELDS} } } } }`;

// The leaver's time to revoke as an administrator reads it over HTTP. The connector does not run
// here: its outcomes are appended as it would append them.
describe('JML runs over HTTP', () => {
  jest.setTimeout(30_000);
  let database: TestDatabase;
  let workflow: LocalService;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);
  const identityId = identityIdOf('4001');
  const representations = [{ __typename: 'Identity', id: identityId }];

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = PERSON_SECRET;
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    await publishPolicy(store(), 1, POLICY_V1);
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given a leaver whose revokes and account disable are acknowledged, when an administrator asks, then the run shows the time to revoke', async () => {
    await hireAndActivate(store(), { employeeNumber: '4001', department: 'Sales' });
    const held = await waitFor('the birthright to be assigned', async () => {
      const { data } = await postGraphql<Held>(workflow.url, heldQuery, { representations }, ADMIN_TOKEN);
      const assignments = data?._entities[0]?.assignments ?? [];
      return assignments.length === 2 ? assignments : undefined;
    });

    const termination = await terminate(store(), '4001');
    // The connector revokes what workflow revoked: wait until workflow has.
    await waitFor('the leaver revocations', async () => {
      const { data } = await postGraphql<Held>(workflow.url, heldQuery, { representations }, ADMIN_TOKEN);
      return data?._entities[0]?.assignments.length === 0 ? true : undefined;
    });
    // Before any acknowledgement, each application waits for its revoke.
    const waiting = await waitFor('the leaver run to list its applications', async () => {
      const { data } = await postGraphql<RunApplications>(workflow.url, applicationsQuery, {}, ADMIN_TOKEN);
      const applications = data?.jmlRuns[0]?.applications ?? [];
      return applications.length === 2 ? applications : undefined;
    });
    expect(waiting).toEqual([
      expect.objectContaining({ applicationId: 'chat', expected: 1, acknowledged: 0, pending: 1, completedAt: null, durationMs: null }),
      expect.objectContaining({ applicationId: 'mail', expected: 1, acknowledged: 0, pending: 1, completedAt: null, durationMs: null }),
    ]);

    for (const [i, assignment] of held.entries()) {
      const revoke = {
        operationId: `revoke.${assignment.id}`,
        action: 'revoke' as const,
        identityId,
        applicationId: assignment.applicationId,
      };
      await operationSucceeded(store(), { ...revoke, assignmentId: assignment.id }, `2026-06-01T08:00:0${i + 1}.000Z`);
    }
    const disable = { operationId: `disable.mail.${termination}`, action: 'disable-account' as const, identityId, applicationId: 'mail' };
    await killSwitchPlanned(store(), {
      identityId,
      terminationEventId: termination,
      operationIds: [disable.operationId],
      plannedAt: '2026-06-01T08:00:00.500Z',
    });
    await operationSucceeded(store(), disable, '2026-06-01T08:00:04.250Z');

    const leavers = await waitFor('the leaver run to complete', async () => {
      const { data } = await postGraphql<Runs>(workflow.url, `{ jmlRuns(kind: LEAVER, first: 10) { ${RUN_FIELDS} } }`, {}, ADMIN_TOKEN);
      return data?.jmlRuns[0]?.status === 'COMPLETED' ? data.jmlRuns : undefined;
    });
    const run = {
      id: termination,
      kind: 'LEAVER',
      identityId,
      triggerType: 'IdentityTerminated',
      startedAt: '2026-06-01T08:00:00.000Z',
      completedAt: '2026-06-01T08:00:04.250Z',
      durationMs: 4_250,
      expected: 3,
      acknowledged: 3,
      failed: 0,
      pending: 0,
      status: 'COMPLETED',
    };
    expect(leavers).toEqual([run]);

    // Per application: each revoke's acknowledgement is that application's time to revoke (the
    // account disable is the connector's, not an assignment's, so mail's revoke alone counts here).
    const revokedAt = new Map(held.map((assignment, i) => [assignment.applicationId, i + 1]));
    const perApplication = await postGraphql<RunApplications>(workflow.url, applicationsQuery, {}, ADMIN_TOKEN);
    expect(perApplication.data?.jmlRuns).toEqual([
      {
        id: termination,
        applications: ['chat', 'mail'].map((applicationId) => ({
          applicationId,
          expected: 1,
          acknowledged: 1,
          failed: 0,
          pending: 0,
          lastSettledAt: `2026-06-01T08:00:0${revokedAt.get(applicationId)}.000Z`,
          completedAt: `2026-06-01T08:00:0${revokedAt.get(applicationId)}.000Z`,
          durationMs: revokedAt.get(applicationId)! * 1_000,
        })),
      },
    ]);

    const ofIdentity = await postGraphql<Entities>(workflow.url, runsOfQuery, { representations }, ADMIN_TOKEN);
    expect(ofIdentity.data?._entities).toEqual([{ jmlRuns: [run] }]);
    const joiners = await postGraphql<Runs>(workflow.url, '{ jmlRuns(kind: JOINER, status: COMPLETED) { id } }', {}, ADMIN_TOKEN);
    expect(joiners.data?.jmlRuns).toEqual([]);
  });

  it('given an employee caller token or no token, when JML runs are asked, then FORBIDDEN or UNAUTHENTICATED', async () => {
    const person = await mintCallerToken(PERSON_SECRET, '4001');

    const asPerson = await postGraphql<Runs>(workflow.url, '{ jmlRuns { id } }', {}, person);
    const ofIdentityAsPerson = await postGraphql<Entities>(workflow.url, runsOfQuery, { representations }, person);
    const anonymous = await postGraphql<Runs>(workflow.url, '{ jmlRuns { id } }');
    const auditor = await mintCallerToken(PERSON_SECRET, '10040', { roles: ['auditor'] });
    const asAuditor = await postGraphql<RunApplications>(workflow.url, applicationsQuery, {}, auditor);
    expect(asAuditor.errors).toBeUndefined();
    expect(asAuditor.data?.jmlRuns[0]?.applications.map((application) => application.applicationId)).toEqual(['chat', 'mail']);

    expect(asPerson.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(asPerson.errors?.[0]?.message).toMatch(/for administrators and auditors, and 4001 is neither/);
    expect(ofIdentityAsPerson.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
