import { hrRecord, IdentityGraph } from './testing/identity-graph';

type Entry = Record<string, unknown>;
type Timeline = {
  identityTimeline: { edges: { cursor: string; node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
};

const TIMELINE = `query Timeline($id: ID!, $first: Int, $after: String) {
  identityTimeline(id: $id, first: $first, after: $after) {
    edges { cursor node { revision type lifecycle occurredAt recordedAt actor { kind id } source { kind reference }
      effectiveDate reason summary changes { attribute before after } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('identity subgraph: an identity’s timeline on PostgreSQL', () => {
  let graph: IdentityGraph;
  let id: string;

  beforeAll(async () => {
    graph = await IdentityGraph.start();
    graph.now = new Date('2026-11-25T09:00:00Z');
    await graph.sync(hrRecord('7001', { givenName: 'Lin', familyName: 'Kim' }));
    graph.now = new Date('2026-11-26T09:00:00Z');
    await graph.sync(
      hrRecord('7001', { givenName: 'Lin', familyName: 'Kim', department: 'Sales', title: 'Lead', custom: { division: 'EMEA' } }),
    );
    graph.now = new Date('2026-11-27T09:00:00Z');
    await graph.sync(
      hrRecord(
        '7001',
        { givenName: 'Lin', familyName: 'Kim', department: 'Sales', title: 'Lead', custom: { division: 'EMEA' } },
        { terminationDate: '2026-12-31' },
      ),
    );
    graph.now = new Date('2026-12-31T00:05:00Z');
    await graph.applyDueChanges('7001');
    const { identityByEmployeeNumber } = await graph.data<{ identityByEmployeeNumber: { id: string } }>(
      '{ identityByEmployeeNumber(employeeNumber: "7001") { id } }',
    );
    id = identityByEmployeeNumber.id;
  });
  afterAll(() => graph?.stop());

  it('given hire, move, scheduled termination and its date, then the timeline tells each step with actor, source, reason and changes', async () => {
    const { identityTimeline } = await graph.data<Timeline>(TIMELINE, { id, first: 10 });
    const csv = { kind: 'csv', reference: 'import-7' };
    const hrFeed = { kind: 'hr-feed', id: 'nightly-csv' };

    expect(identityTimeline!.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        revision: 0,
        type: 'IdentityHired',
        lifecycle: null,
        occurredAt: '2026-11-25T09:00:00.000Z',
        actor: hrFeed,
        source: csv,
        summary: 'Hired as Engineer in Engineering, starting 2026-11-01',
        changes: [],
      }),
      expect.objectContaining({
        revision: 1,
        type: 'IdentityActivated',
        lifecycle: 'JOINER',
        summary: 'Joined: employment 1 started on 2026-11-01',
      }),
      expect.objectContaining({
        revision: 2,
        type: 'IdentityMoved',
        lifecycle: 'MOVER',
        occurredAt: '2026-11-26T09:00:00.000Z',
        effectiveDate: '2026-11-26',
        reason: null,
        summary: 'Moved: department Engineering → Sales; title Engineer → Lead; custom.division (none) → EMEA',
        changes: [
          { attribute: 'department', before: 'Engineering', after: 'Sales' },
          { attribute: 'title', before: 'Engineer', after: 'Lead' },
          { attribute: 'custom.division', before: null, after: 'EMEA' },
        ],
      }),
      expect.objectContaining({
        revision: 3,
        type: 'TerminationScheduled',
        lifecycle: null,
        effectiveDate: '2026-12-31',
        reason: 'termination date in HR',
        summary: 'Termination scheduled for 2026-12-31 (termination date in HR)',
      }),
      expect.objectContaining({
        revision: 4,
        type: 'IdentityTerminated',
        lifecycle: 'LEAVER',
        occurredAt: '2026-12-31T00:05:00.000Z',
        actor: { kind: 'system', id: 'identity-due-timer' },
        source: csv,
        reason: 'termination date in HR',
        summary: 'Left: terminated on 2026-12-31 (termination date in HR)',
        changes: [],
      }),
    ]);
    for (const edge of identityTimeline!.edges) expect(Date.parse(edge.node['recordedAt'] as string)).not.toBeNaN();
    expect(identityTimeline!.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through the timeline with cursors, and the directory shows the leaver', async () => {
    const first = await graph.data<Timeline>(TIMELINE, { id, first: 2 });
    const rest = await graph.data<Timeline>(TIMELINE, { id, first: 10, after: first.identityTimeline!.pageInfo.endCursor });

    expect(first.identityTimeline!.edges.map((e) => e.node['type'])).toEqual(['IdentityHired', 'IdentityActivated']);
    expect(first.identityTimeline!.pageInfo.hasNextPage).toBe(true);
    expect(rest.identityTimeline!.edges.map((e) => e.node['type'])).toEqual([
      'IdentityMoved',
      'TerminationScheduled',
      'IdentityTerminated',
    ]);
    expect(rest.identityTimeline!.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.identityTimeline!.edges[2]!.cursor });
    expect(await graph.data(`{ identity(id: "${id}") { status terminationDate scheduledTerminationDate } }`)).toEqual({
      identity: { status: 'TERMINATED', terminationDate: '2026-12-31', scheduledTerminationDate: null },
    });
  });

  it('shows the scheduled termination date while it is pending', async () => {
    await graph.sync(hrRecord('7002'), hrRecord('7002', {}, { terminationDate: '2027-03-31' }));
    expect(await graph.data('{ identityByEmployeeNumber(employeeNumber: "7002") { status scheduledTerminationDate } }')).toEqual({
      identityByEmployeeNumber: { status: 'ACTIVE', scheduledTerminationDate: '2027-03-31' },
    });
  });

  it('answers null for an unknown identity and refuses more than 100 entries per page', async () => {
    expect(await graph.data(TIMELINE, { id: 'nobody' })).toEqual({ identityTimeline: null });
    const tooMany = await graph.query(TIMELINE, { id, first: 500 });
    expect(tooMany.errors?.[0]?.originalError).toMatchObject({ code: 'validation', details: { field: 'first', max: 100 } });
  });
});
