import type { Actor, NewEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from '../../app';
import { IdentityBackground } from '../../application/identity-background';
import { IdentityCommands } from '../../application/identity-commands';
import { identityStreamId } from '../../application/identity-streams';
import { CSV, hrRecord } from '../testing/identity-graph';

// A scripted history across the four contexts, written to the shared log as each context would:
// an HR move (identity), a review that revokes (workflow), the revocation, and the connector's
// acknowledgement, each caused by the one before.
const ADMIN_TOKEN = 'audit-trail-admin-token';
const CALLER_TOKEN_SECRET = 'audit-trail-caller-token-secret-0123456789';
const WORKFLOW: Actor = { kind: 'service', id: 'workflow' };
const CONNECTOR: Actor = { kind: 'service', id: 'connector' };
const ENTRY_FIELDS = `type context summary reason policyVersion occurredAt recordedAt eventId correlationId
  actor { kind id name } causedBy { type context summary occurredAt actor { kind id name } } unresolvedCauseId causeChainTruncated`;

interface Actorview {
  readonly kind: string;
  readonly id: string;
  readonly name: string | null;
}
interface Entry {
  readonly type: string;
  readonly context: string;
  readonly summary: string;
  readonly reason: string | null;
  readonly policyVersion: number | null;
  readonly eventId: string;
  readonly actor: Actorview;
  readonly causedBy: readonly { readonly type: string; readonly context: string; readonly summary: string; readonly actor: Actorview }[];
  readonly unresolvedCauseId: string | null;
  readonly causeChainTruncated: boolean;
}
interface Trail {
  readonly auditTrail: {
    readonly edges: readonly { readonly cursor: string; readonly node: Entry }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

describe('auditTrail over HTTP: an identity’s, application’s and entitlement’s history across contexts', () => {
  let database: TestDatabase;
  let identity: LocalService;
  let auditor: string;
  let subjectId: string;
  let moveEventId: string;
  let clock = Date.parse('2026-11-26T10:00:00Z');

  function event(type: string, data: Record<string, unknown>, actor: Actor, causationId: string | null): NewEvent {
    clock += 60_000;
    return {
      type,
      data,
      metadata: {
        eventId: `evt-${type}-${clock}`,
        correlationId: 'mover-9102',
        causationId,
        actor,
        occurredAt: new Date(clock).toISOString(),
      },
    };
  }

  async function append(streamId: string, newEvent: NewEvent): Promise<string> {
    await identity.app.get<PostgresEventStore>(EVENT_STORE).appendToStream(streamId, [newEvent]);
    return newEvent.metadata.eventId;
  }

  async function trail(args: string, token = auditor): Promise<Trail['auditTrail']> {
    const { data, errors } = await identity.graphql<Trail>(
      `{ auditTrail(${args}) { edges { cursor node { ${ENTRY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      token,
    );
    if (errors) throw new Error(`auditTrail failed: ${JSON.stringify(errors)}`);
    return data!.auditTrail;
  }

  const types = (page: Trail['auditTrail']) => page.edges.map((edge) => edge.node.type);

  beforeAll(async () => {
    database = await createTestDatabase(2);
    process.env['ADMIN_TOKENS'] = ADMIN_TOKEN;
    process.env['CALLER_TOKEN_SECRET'] = CALLER_TOKEN_SECRET;
    identity = await startLocalService(identityService, database.url);
    auditor = await mintCallerToken(CALLER_TOKEN_SECRET, '9101', { roles: ['auditor'] });
    const commands = identity.app.get(IdentityCommands);
    const hrFeed = { actor: { kind: 'hr-feed', id: 'nightly-csv' }, correlationId: 'import-7' } as const;
    await commands.syncFromHr(hrRecord('9101', { givenName: 'Priya', familyName: 'Raman' }), CSV, hrFeed);
    await commands.syncFromHr(hrRecord('9102', { givenName: 'Sam', familyName: 'Osei' }), CSV, hrFeed);
    await commands.syncFromHr(hrRecord('9103', { givenName: 'Ana', familyName: 'Lima' }), CSV, hrFeed);
    await commands.syncFromHr(hrRecord('9102', { givenName: 'Sam', familyName: 'Osei', department: 'Sales' }), CSV, hrFeed);
    const store = identity.app.get<PostgresEventStore>(EVENT_STORE);
    const history = await store.readStream(identityStreamId('9102'));
    moveEventId = history.find((recorded) => recorded.type === 'IdentityMoved')!.metadata.eventId;
    subjectId = (history[0]!.data as { identityId: string }).identityId;
    const otherId = ((await store.readStream(identityStreamId('9103')))[0]!.data as { identityId: string }).identityId;

    const assignment = { assignmentId: 'asg-1', identityId: subjectId, applicationId: 'github', entitlementKey: 'org-admin' };
    const assignments = `assignments-${subjectId}`;
    await append(
      assignments,
      event(
        'AssignmentAdded',
        {
          ...assignment,
          source: { kind: 'birthright', reference: 'rule-engineering', policyVersion: 3 },
          validFrom: '2026-11-01T00:00:00Z',
          validUntil: null,
        },
        WORKFLOW,
        null,
      ),
    );
    await append(
      assignments,
      event(
        'AssignmentAdded',
        {
          assignmentId: 'asg-2',
          identityId: subjectId,
          applicationId: 'jira',
          entitlementKey: 'user',
          source: { kind: 'request', reference: 'req-1', policyVersion: null },
          validFrom: '2026-11-01T00:00:00Z',
          validUntil: null,
        },
        { kind: 'person', id: 'admin-token' },
        null,
      ),
    );
    await append(
      `assignments-${otherId}`,
      event(
        'AssignmentAdded',
        {
          assignmentId: 'asg-3',
          identityId: otherId,
          applicationId: 'github',
          entitlementKey: 'member',
          source: { kind: 'birthright', reference: 'rule-all', policyVersion: 3 },
          validFrom: '2026-11-01T00:00:00Z',
          validUntil: null,
        },
        WORKFLOW,
        null,
      ),
    );
    const reviewer = { kind: 'person', employeeNumber: '9101' };
    await append(
      'review-campaign-c1',
      event(
        'ReviewCampaignStarted',
        {
          campaignId: 'c1',
          name: 'Mover review for 9102',
          items: [
            {
              itemId: 'i1',
              ...assignment,
              employeeNumber: '9102',
              source: { kind: 'birthright', reference: 'rule-engineering', policyVersion: 3 },
              reviewer,
            },
          ],
        },
        WORKFLOW,
        moveEventId,
      ),
    );
    // A decision names only the assignment: the trail finds its entitlement through the campaign that listed it.
    const decisionId = await append(
      'review-campaign-c1',
      event(
        'ReviewItemDecided',
        {
          campaignId: 'c1',
          itemId: 'i1',
          assignmentId: 'asg-1',
          identityId: subjectId,
          decision: 'revoke',
          comment: 'No longer needed in Sales',
          decidedBy: reviewer,
        },
        { kind: 'person', id: '9101' },
        moveEventId,
      ),
    );
    const revocationId = await append(
      assignments,
      event('AssignmentRevoked', { ...assignment, reason: 'review', revokedAt: '2026-11-26T10:06:00Z' }, WORKFLOW, decisionId),
    );
    const operation = { operationId: 'op-1', action: 'revoke', ...assignment };
    const acknowledgementId = await append(
      'operation-op-1',
      event(
        'EntitlementRevoked',
        { ...operation, userName: 'sosei', completedAt: '2026-11-26T10:07:00Z', via: 'connector' },
        CONNECTOR,
        revocationId,
      ),
    );
    await append(
      assignments,
      event(
        'AssignmentRevocationAcknowledged',
        { assignmentId: 'asg-1', identityId: subjectId, operationId: 'op-1' },
        WORKFLOW,
        acknowledgementId,
      ),
    );
    await identity.app.get(IdentityBackground).auditTrailCaughtUp();
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
    delete process.env['ADMIN_TOKENS'];
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given the scripted history, when an auditor reads the identity’s trail, then every context’s events about them come newest first', async () => {
    const page = await trail('employeeNumber: "9102", first: 50');

    expect(types(page)).toEqual([
      'AssignmentRevocationAcknowledged',
      'EntitlementRevoked',
      'AssignmentRevoked',
      'ReviewItemDecided',
      'ReviewCampaignStarted',
      'AssignmentAdded',
      'AssignmentAdded',
      'IdentityMoved',
      'IdentityActivated',
      'IdentityHired',
    ]);
    expect(page.edges.map((edge) => edge.node.context)).toEqual([
      'WORKFLOW',
      'CONNECTOR',
      'WORKFLOW',
      'WORKFLOW',
      'WORKFLOW',
      'WORKFLOW',
      'WORKFLOW',
      'IDENTITY',
      'IDENTITY',
      'IDENTITY',
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('given the last entry, when its causes are read, then the chain leads back through the revocation and the review to the HR move', async () => {
    const [last] = (await trail('employeeNumber: "9102", first: 1')).edges;

    expect(last!.node.causedBy).toEqual([
      expect.objectContaining({
        type: 'EntitlementRevoked',
        context: 'CONNECTOR',
        actor: { kind: 'SERVICE', id: 'connector', name: null },
      }),
      expect.objectContaining({ type: 'AssignmentRevoked', context: 'WORKFLOW', summary: 'Revoked github / org-admin (review)' }),
      expect.objectContaining({
        type: 'ReviewItemDecided',
        context: 'WORKFLOW',
        actor: { kind: 'PERSON', id: '9101', name: 'Priya Raman' },
      }),
      expect.objectContaining({
        type: 'IdentityMoved',
        context: 'IDENTITY',
        summary: 'Moved: department Engineering → Sales',
        actor: { kind: 'HR_FEED', id: 'nightly-csv', name: null },
      }),
    ]);
    expect(last!.node.causeChainTruncated).toBe(false);
  });

  it('given the entries, then each names its actor’s kind, the reason and the policy version where the event carries them', async () => {
    const nodes = (await trail('employeeNumber: "9102", first: 50')).edges.map((edge) => edge.node);
    const byType = (type: string) => nodes.filter((node) => node.type === type);

    expect(byType('ReviewItemDecided')[0]).toMatchObject({
      actor: { kind: 'PERSON', id: '9101', name: 'Priya Raman' },
      reason: 'No longer needed in Sales',
      summary: 'Review decision: revoke',
    });
    expect(byType('AssignmentRevoked')[0]).toMatchObject({
      actor: { kind: 'SERVICE', id: 'workflow' },
      reason: 'review',
      policyVersion: null,
    });
    expect(byType('AssignmentAdded').map((node) => [node.actor.kind, node.policyVersion])).toEqual([
      ['ADMINISTRATOR_TOKEN', null],
      ['SERVICE', 3],
    ]);
    expect(byType('IdentityMoved')[0]).toMatchObject({ actor: { kind: 'HR_FEED', id: 'nightly-csv' } });
  });

  it('given the application, when its trail is read, then it lists every identity’s events in it and nothing from other applications', async () => {
    const page = await trail('applicationId: "github", first: 50');

    expect(types(page)).toEqual([
      'AssignmentRevocationAcknowledged',
      'EntitlementRevoked',
      'AssignmentRevoked',
      'ReviewItemDecided',
      'ReviewCampaignStarted',
      'AssignmentAdded',
      'AssignmentAdded',
    ]);
    expect(page.edges.map((edge) => edge.node.summary)).toContain('Assigned github / member (birthright)');
  });

  it('given the entitlement, when its trail is read, then events naming only the assignment or operation are found through it', async () => {
    const page = await trail('applicationId: "github", entitlementKey: "org-admin", first: 50');

    expect(types(page)).toEqual([
      'AssignmentRevocationAcknowledged',
      'EntitlementRevoked',
      'AssignmentRevoked',
      'ReviewItemDecided',
      'ReviewCampaignStarted',
      'AssignmentAdded',
    ]);
  });

  it('given pages of three, when followed with after, then they add up to the whole trail, in order, without repeats', async () => {
    const whole = types(await trail('employeeNumber: "9102", first: 50'));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Trail['auditTrail'] = await trail(`employeeNumber: "9102", first: 3${after ? `, after: "${after}"` : ''}`);
      seen.push(...types(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);

    expect(seen).toEqual(whole);
    expect(pages).toBe(4);
  });

  it('given a time window, when the trail is read, then only events that occurred inside it are listed', async () => {
    const nodes = (await trail('employeeNumber: "9102", first: 50')).edges.map((edge) => edge.node as Entry & { occurredAt: string });
    const decided = nodes.find((node) => node.type === 'ReviewItemDecided')!;
    const acknowledged = nodes.find((node) => node.type === 'EntitlementRevoked')!;

    const window = await trail(`identityId: "${subjectId}", from: "${decided.occurredAt}", to: "${acknowledged.occurredAt}"`);

    expect(types(window)).toEqual(['AssignmentRevoked', 'ReviewItemDecided']);
  });

  it('given an employee without a reader role, when they ask, then it is forbidden', async () => {
    const employee = await mintCallerToken(CALLER_TOKEN_SECRET, '9102');

    const { errors } = await identity.graphql('{ auditTrail(employeeNumber: "9102") { edges { cursor } } }', employee);

    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('given bad arguments, when asked, then each is refused with a code that says what was wrong', async () => {
    const ask = async (args: string) => (await identity.graphql(`{ auditTrail(${args}) { edges { cursor } } }`, ADMIN_TOKEN)).errors;

    expect(await ask('entitlementKey: "org-admin"')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/needs its applicationId/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(await ask('applicationId: "github", first: 101')).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    expect(await ask('employeeNumber: "0000"')).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    expect(await ask('first: 5')).toEqual([expect.objectContaining({ message: expect.stringMatching(/whose trail/) })]);
  });
});
