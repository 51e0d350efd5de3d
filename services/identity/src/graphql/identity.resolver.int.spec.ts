import { hrRecord, IdentityGraph } from './testing/identity-graph';

type Node = { employeeNumber: string; displayName: string };
type Page = {
  identities: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
};

const PAGE = `query Page($filter: IdentityFilter, $first: Int, $after: String) {
  identities(filter: $filter, first: $first, after: $after) {
    edges { cursor node { employeeNumber displayName } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

describe('identity subgraph: directory queries on PostgreSQL', () => {
  let graph: IdentityGraph;

  async function employeeNumbers(filter: Record<string, unknown>): Promise<string[]> {
    const { identities } = await graph.data<Page>(PAGE, { filter, first: 100 });
    return identities.edges.map((edge) => edge.node.employeeNumber);
  }

  async function idOf(employeeNumber: string): Promise<string> {
    const { identityByEmployeeNumber } = await graph.data<{ identityByEmployeeNumber: { id: string } }>(
      `{ identityByEmployeeNumber(employeeNumber: "${employeeNumber}") { id } }`,
    );
    return identityByEmployeeNumber.id;
  }

  beforeAll(async () => {
    graph = await IdentityGraph.start();
    await graph.sync(
      hrRecord('6000', { givenName: 'Mara', familyName: 'Brandt', title: 'Head of Engineering' }),
      hrRecord('6001', { givenName: 'Ada', familyName: 'Lovelace', managerEmployeeNumber: '6000', custom: { division: 'R&D' } }),
      hrRecord('6002', {
        givenName: 'Alan',
        familyName: 'Turing',
        managerEmployeeNumber: '6000',
        location: 'London',
        employmentType: 'contractor',
      }),
      // Reports to 6009, whom HR has not sent yet.
      hrRecord('6003', {
        givenName: 'Grace',
        familyName: 'Hopper',
        department: 'Sales',
        title: 'Lead',
        location: 'London',
        managerEmployeeNumber: '6009',
      }),
      hrRecord(
        '6004',
        { givenName: 'Ada', familyName: 'Byron', department: 'Sales', employmentType: 'intern' },
        { startDate: '2027-01-04' },
      ),
      hrRecord('6005', { givenName: 'Zoe', familyName: 'Adams', department: 'Sales', managerEmployeeNumber: '6003' }),
      hrRecord('6006', { givenName: 'Sam', familyName: 'Lee' }),
      hrRecord('6007', { givenName: 'Sam', familyName: 'Lee' }),
    );
  });
  afterAll(() => graph?.stop());

  it('given eight people, when paging three at a time, then the cursors walk family name, given name, employee number without gaps or repeats', async () => {
    const first = await graph.data<Page>(PAGE, { first: 3 });
    const second = await graph.data<Page>(PAGE, { first: 3, after: first.identities.pageInfo.endCursor });
    const third = await graph.data<Page>(PAGE, { first: 3, after: second.identities.pageInfo.endCursor });

    const names = (page: Page) => page.identities.edges.map((e) => `${e.node.displayName} ${e.node.employeeNumber}`);
    expect(names(first)).toEqual(['Zoe Adams 6005', 'Mara Brandt 6000', 'Ada Byron 6004']);
    expect(names(second)).toEqual(['Grace Hopper 6003', 'Sam Lee 6006', 'Sam Lee 6007']);
    expect(names(third)).toEqual(['Ada Lovelace 6001', 'Alan Turing 6002']);
    expect([first, second, third].map((page) => page.identities.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(first.identities.totalCount).toBe(8);
    // An edge's cursor continues right after that edge.
    const fromEdge = await graph.data<Page>(PAGE, { first: 1, after: second.identities.edges[1]!.cursor });
    expect(fromEdge.identities.edges.map((e) => e.node.employeeNumber)).toEqual(['6007']);
  });

  it('finds people by a case-insensitive part of their name, email or employee number, taking % and _ literally', async () => {
    expect(await employeeNumbers({ search: 'ADA' })).toEqual(['6005', '6004', '6001']);
    expect(await employeeNumbers({ search: 'lovelace ada' })).toEqual(['6001']);
    expect(await employeeNumbers({ search: 'grace hopper' })).toEqual(['6003']);
    expect(await employeeNumbers({ search: 'P6002@EXAMPLE' })).toEqual(['6002']);
    expect(await employeeNumbers({ search: '6007' })).toEqual(['6007']);
    expect(await employeeNumbers({ search: '%' })).toEqual([]);
    expect(await employeeNumbers({ search: '60_1' })).toEqual([]);
  });

  it('filters by department, status, manager, location and employment type, and by several at once', async () => {
    expect(await employeeNumbers({ department: 'Sales' })).toEqual(['6005', '6004', '6003']);
    expect(await employeeNumbers({ status: 'PRE_HIRE' })).toEqual(['6004']);
    expect(await employeeNumbers({ managerId: await idOf('6000') })).toEqual(['6001', '6002']);
    expect(await employeeNumbers({ managerEmployeeNumber: '6009' })).toEqual(['6003']);
    expect(await employeeNumbers({ location: 'London' })).toEqual(['6003', '6002']);
    expect(await employeeNumbers({ employmentType: 'contractor' })).toEqual(['6002']);
    expect(await employeeNumbers({ department: 'Engineering', location: 'Berlin', search: 'sam' })).toEqual(['6006', '6007']);
    const { identities } = await graph.data<Page>(PAGE, { filter: { department: 'Sales' }, first: 1 });
    expect({ count: identities.totalCount, more: identities.pageInfo.hasNextPage }).toEqual({ count: 3, more: true });
  });

  it('refuses more than 100 per page, and cursors it did not give out, with validation errors', async () => {
    const tooMany = await graph.query(PAGE, { first: 101 });
    expect(tooMany.errors?.[0]?.message).toBe('first must be between 0 and 100, got 101: ask for the next page with "after"');
    expect(tooMany.errors?.[0]?.originalError).toMatchObject({ code: 'validation' });

    const forged = await graph.query(PAGE, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.originalError).toMatchObject({ code: 'validation', details: { field: 'after' } });
  });

  it('shows every attribute of one identity, by id and by employee number, and null for an unknown one', async () => {
    const id = await idOf('6001');
    const { identity } = await graph.data<{ identity: Record<string, unknown> }>(
      `{ identity(id: "${id}") { id employeeNumber status givenName familyName displayName email department title location costCenter
         employmentType customAttributes { name value } managerEmployeeNumber startDate terminationDate scheduledTerminationDate
         employment version createdAt updatedAt } }`,
    );
    expect(identity).toEqual({
      id,
      employeeNumber: '6001',
      status: 'ACTIVE',
      givenName: 'Ada',
      familyName: 'Lovelace',
      displayName: 'Ada Lovelace',
      email: 'p6001@example.com',
      department: 'Engineering',
      title: 'Engineer',
      location: 'Berlin',
      costCenter: 'CC-1',
      employmentType: 'employee',
      customAttributes: [{ name: 'division', value: 'R&D' }],
      managerEmployeeNumber: '6000',
      startDate: '2026-11-01',
      terminationDate: null,
      scheduledTerminationDate: null,
      employment: 1,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await graph.data(`{ identity(id: "nobody") { id } identityByEmployeeNumber(employeeNumber: "0000") { id } }`)).toEqual({
      identity: null,
      identityByEmployeeNumber: null,
    });
  });

  it('given a manager HR has not sent yet, then manager is null while managerEmployeeNumber names them; once hired, the line links both ways', async () => {
    type Person = {
      displayName: string;
      managerEmployeeNumber: string | null;
      manager: { displayName: string } | null;
      directReports: { displayName: string }[];
    };
    const query = `{ identityByEmployeeNumber(employeeNumber: "6003") { displayName managerEmployeeNumber manager { displayName } directReports { displayName } } }`;

    const before = await graph.data<{ identityByEmployeeNumber: Person }>(query);
    expect(before.identityByEmployeeNumber).toEqual({
      displayName: 'Grace Hopper',
      managerEmployeeNumber: '6009',
      manager: null,
      directReports: [{ displayName: 'Zoe Adams' }],
    });

    await graph.sync(hrRecord('6009', { givenName: 'Ken', familyName: 'Thompson', department: 'Sales', title: 'VP Sales' }));

    const after = await graph.data<{ identityByEmployeeNumber: Person }>(query);
    expect(after.identityByEmployeeNumber.manager).toEqual({ displayName: 'Ken Thompson' });
    const ken = await graph.data<{ identityByEmployeeNumber: Person }>(
      `{ identityByEmployeeNumber(employeeNumber: "6009") { directReports { displayName } } }`,
    );
    expect(ken.identityByEmployeeNumber.directReports).toEqual([{ displayName: 'Grace Hopper' }]);
  });

  it('lists direct reports in name order and leaves leavers out unless asked, also for every manager of a page at once', async () => {
    await graph.sync(
      hrRecord('6008', { givenName: 'Bo', familyName: 'Zeta', managerEmployeeNumber: '6000' }, { terminationDate: '2026-11-20' }),
    );
    const before = graph.lookups;
    const { identities } = await graph.data<{
      identities: {
        edges: {
          node: {
            employeeNumber: string;
            manager: { employeeNumber: string } | null;
            directReports: { employeeNumber: string }[];
            all: { employeeNumber: string }[];
          };
        }[];
      };
    }>(
      `{ identities(filter: { department: "Engineering" }, first: 10) { edges { node {
         employeeNumber manager { employeeNumber } directReports { employeeNumber } all: directReports(includeTerminated: true) { employeeNumber } } } } }`,
    );
    const mara = identities.edges.find((edge) => edge.node.employeeNumber === '6000')!.node;
    expect(mara.directReports.map((r) => r.employeeNumber)).toEqual(['6001', '6002']);
    expect(mara.all.map((r) => r.employeeNumber)).toEqual(['6001', '6002', '6008']);
    const ada = identities.edges.find((edge) => edge.node.employeeNumber === '6001')!.node;
    expect(ada).toMatchObject({ manager: { employeeNumber: '6000' }, directReports: [] });
    // One query for all managers of the page and one for all their reports (both directReports fields share it).
    expect(graph.lookups).toEqual({ byEmployeeNumbers: before.byEmployeeNumbers + 1, reportsOf: before.reportsOf + 1 });
  });

  it('resolves Identity references from other subgraphs by id, and null for an id it does not know', async () => {
    const id = await idOf('6002');
    const result = await graph.data<{ _entities: unknown[] }>(
      `{ _entities(representations: [{ __typename: "Identity", id: "${id}" }, { __typename: "Identity", id: "nobody" }]) {
         ... on Identity { employeeNumber displayName manager { employeeNumber } } } }`,
    );
    expect(result._entities).toEqual([{ employeeNumber: '6002', displayName: 'Alan Turing', manager: { employeeNumber: '6000' } }, null]);
  });
});
