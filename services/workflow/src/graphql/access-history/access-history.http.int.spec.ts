import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';
import { added, provisioned, revocationAcknowledged, revoked, type ScriptedAssignment } from '../../testing/assignment-history-events';
import { hire, identityIdOf } from '../../testing/identity-events';

const ADMIN_TOKEN = 'access-history-admin-token';
const PERSON_SECRET = 'a-caller-token-secret-of-at-least-32-characters';

const HELD_FIELDS = `assignmentId identity { id } identityId employeeNumber applicationId entitlementKey
  source { kind reference policyVersion } since addedAt activeFrom validUntil revokedAt revocationReason revocationAcknowledgedAt
  requests { id steps { approvals { by { kind employeeNumber } comment at } } }`;
const holdersQuery = `query ($at: DateTimeISO!) { holdersAt(applicationId: "github", entitlementKey: "org-member", at: $at) { ${HELD_FIELDS} } }`;
const accessAtQuery = `query ($representations: [_Any!]!, $at: DateTimeISO!) {
  _entities(representations: $representations) { ... on Identity { accessAt(at: $at, basis: ASSIGNED) { assignmentId since } } } }`;

interface Holders {
  readonly holdersAt: Record<string, unknown>[];
}
interface Entities {
  readonly _entities: { accessAt: { assignmentId: string; since: string }[] }[];
}

// Access as of a time over HTTP: readers (administrators, auditors) only. Workflow's own assignment
// events are appended as the service records them, at known instants.
describe('access as of a time over HTTP', () => {
  jest.setTimeout(30_000);
  let database: TestDatabase;
  let workflow: LocalService;
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);
  const identityId = identityIdOf('7301');
  const representations = [{ __typename: 'Identity', id: identityId }];
  const github: ScriptedAssignment = {
    assignmentId: 'h1',
    identityId,
    applicationId: 'github',
    entitlementKey: 'org-member',
    source: { kind: 'birthright', reference: 'rule-eng', policyVersion: 4 },
  };

  beforeAll(async () => {
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = PERSON_SECRET;
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    await hire(store(), { employeeNumber: '7301', department: 'Engineering' });
    await added(store(), github, '2026-03-02T09:00:00.000Z');
    await provisioned(store(), github, '2026-03-02T09:05:00.000Z');
    await revoked(store(), github, 'leaver', '2026-03-02T18:00:00.000Z');
    await revocationAcknowledged(store(), github, '2026-03-02T18:02:00.000Z');
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given a leaver’s github access, when an auditor asks who held it during and after, then the holder with why and since when, then nobody', async () => {
    const auditor = await mintCallerToken(PERSON_SECRET, '9001', { roles: ['auditor'] });

    const during = await waitFor('the history to show the revocation acknowledged', async () => {
      const { data } = await postGraphql<Holders>(workflow.url, holdersQuery, { at: '2026-03-02T18:01:59.999Z' }, auditor);
      return data?.holdersAt[0]?.['revocationAcknowledgedAt'] ? data.holdersAt : undefined;
    });
    const after = await postGraphql<Holders>(workflow.url, holdersQuery, { at: '2026-03-02T18:02:00.000Z' }, auditor);

    expect(during).toEqual([
      {
        assignmentId: 'h1',
        identity: { id: identityId },
        identityId,
        employeeNumber: '7301',
        applicationId: 'github',
        entitlementKey: 'org-member',
        source: { kind: 'BIRTHRIGHT', reference: 'rule-eng', policyVersion: 4 },
        since: '2026-03-02T09:05:00.000Z',
        addedAt: '2026-03-02T09:00:00.000Z',
        activeFrom: '2026-03-02T09:05:00.000Z',
        validUntil: null,
        revokedAt: '2026-03-02T18:00:00.000Z',
        revocationReason: 'LEAVER',
        revocationAcknowledgedAt: '2026-03-02T18:02:00.000Z',
        requests: [],
      },
    ]);
    expect(after.data?.holdersAt).toEqual([]);
  });

  it('given the same history, when an administrator asks what the person was assigned at the grant decision, then it is listed from then', async () => {
    const { data, errors } = await postGraphql<Entities>(
      workflow.url,
      accessAtQuery,
      { representations, at: '2026-03-02T09:00:00.000Z' },
      ADMIN_TOKEN,
    );

    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ accessAt: [{ assignmentId: 'h1', since: '2026-03-02T09:00:00.000Z' }] }]);
  });

  it('given an employee caller token or no token, when access as of a time is asked, then FORBIDDEN or UNAUTHENTICATED', async () => {
    const employee = await mintCallerToken(PERSON_SECRET, '7301');
    const at = '2026-03-02T12:00:00.000Z';

    const holdersAsEmployee = await postGraphql<Holders>(workflow.url, holdersQuery, { at }, employee);
    const ownAccessAsEmployee = await postGraphql<Entities>(workflow.url, accessAtQuery, { representations, at }, employee);
    const anonymous = await postGraphql<Holders>(workflow.url, holdersQuery, { at });

    expect(holdersAsEmployee.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(holdersAsEmployee.errors?.[0]?.message).toMatch(/for administrators and auditors, and 7301 is neither/);
    expect(holdersAsEmployee.data?.holdersAt ?? null).toBeNull();
    expect(ownAccessAsEmployee.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
