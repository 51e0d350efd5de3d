import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createTestDatabase } from '@tenure/testing';
import type { TestDatabase } from '@tenure/testing';
import { createScimRouter } from './scim-router';
import { ENTERPRISE_USER_SCHEMA_ID as ENTERPRISE, TENURE_HR_SCHEMA_ID as TENURE } from './scim-schemas';
import { TableBackedDirectory } from './testing/table-backed-directory';

const TOKEN = 'test-token-1';
let database: TestDatabase;
let directory: TableBackedDirectory;
let server: Server;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase(4);
  directory = new TableBackedDirectory(database.pool);
  await directory.migrate();
  const app = express();
  app.use('/scim/v2', createScimRouter({ directory, tokens: ['other-token', TOKEN] }));
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.drop();
});

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { Resources?: Record<string, unknown>[] };
}

async function scim(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Reply['body']) : {} };
}

function person(employeeNumber: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, TENURE],
    userName: employeeNumber,
    externalId: `hr-${employeeNumber}`,
    name: { givenName: `Given${employeeNumber}`, familyName: `Family${employeeNumber}` },
    title: 'Engineer',
    emails: [{ value: `${employeeNumber.toLowerCase()}@example.com`, type: 'work', primary: true }],
    [ENTERPRISE]: { employeeNumber, department: 'Engineering', costCenter: 'CC1', manager: { value: 'M1' } },
    [TENURE]: { startDate: '2024-01-15', location: 'Paris', employmentType: 'employee' },
    ...overrides,
  };
}

async function create(employeeNumber: string, overrides: Record<string, unknown> = {}): Promise<Reply> {
  const reply = await scim('POST', '/Users', person(employeeNumber, overrides));
  expect(reply.status).toBe(201);
  return reply;
}

function idOf(reply: Reply): string {
  return String(reply.body['id']);
}

describe('SCIM Users over HTTP', () => {
  it('creates a user, answers 201 with Location, ETag and SCIM content type, and syncs the directory', async () => {
    const reply = await create('C100');
    expect(reply.headers.get('content-type')).toContain('application/scim+json');
    expect(reply.headers.get('etag')).toBe('W/"1"');
    expect(reply.headers.get('location')).toBe(`${base}/Users/${idOf(reply)}`);
    expect(reply.body).toMatchObject({
      userName: 'C100',
      active: true,
      meta: { resourceType: 'User', version: 'W/"1"', location: `${base}/Users/${idOf(reply)}` },
      [ENTERPRISE]: { department: 'Engineering', manager: { value: 'M1' } },
      [TENURE]: { startDate: '2024-01-15' },
    });
    const changes = await directory.changes(idOf(reply));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'created',
      source: { kind: 'scim' },
      record: { employeeNumber: 'C100', attributes: { email: 'c100@example.com' } },
    });

    const read = await scim('GET', `/Users/${idOf(reply)}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');
    expect(read.body).toMatchObject({ id: idOf(reply), userName: 'C100' });
  });

  it('answers 404 for an unknown user and 409 uniqueness for a duplicate employee number', async () => {
    expect((await scim('GET', '/Users/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    await create('D100');
    const duplicate = await scim('POST', '/Users', person('D100'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ scimType: 'uniqueness', detail: expect.stringContaining('D100') });
  });

  describe('list', () => {
    beforeAll(async () => {
      await create('L001', { title: 'Sales Lead', [ENTERPRISE]: { department: 'Sales' } });
      await create('L002', { title: 'Sales Rep', [ENTERPRISE]: { department: 'Sales' } });
      await create('L003', { title: 'Designer', [ENTERPRISE]: { department: 'Design' } });
    });

    async function userNames(filter: string, extra = ''): Promise<string[]> {
      const reply = await scim('GET', `/Users?filter=${encodeURIComponent(filter)}${extra}`);
      expect(reply.status).toBe(200);
      return (reply.body.Resources ?? []).map((user) => String(user['userName'])).sort();
    }

    it('filters with eq, co, sw, pr, and, or', async () => {
      expect(await userNames('userName eq "l002"')).toEqual(['L002']);
      expect(await userNames('title co "sales"')).toEqual(['L001', 'L002']);
      expect(await userNames('userName sw "L00"')).toEqual(['L001', 'L002', 'L003']);
      expect(await userNames(`userName sw "L" and ${ENTERPRISE}:department pr`)).toEqual(['L001', 'L002', 'L003']);
      expect(await userNames(`${ENTERPRISE}:department eq "Sales" and title sw "Sales R"`)).toEqual(['L002']);
      expect(await userNames('userName eq "L001" or userName eq "L003"')).toEqual(['L001', 'L003']);
      expect(await userNames('emails[type eq "work"].value eq "l003@example.com"')).toEqual(['L003']);
    });

    it('pages with startIndex and count, reporting the total', async () => {
      const reply = await scim('GET', `/Users?filter=${encodeURIComponent('userName sw "L"')}&startIndex=2&count=2`);
      expect(reply.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 2 });
      expect((reply.body.Resources ?? []).map((user) => user['userName'])).toEqual(['L002', 'L003']);
    });

    it('returns only the requested attributes, or all but the excluded ones', async () => {
      const only = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "L001"')}&attributes=userName,title`);
      const [user] = only.body.Resources ?? [];
      expect(user).toMatchObject({ id: expect.any(String), userName: 'L001', title: 'Sales Lead' });
      expect(user).not.toHaveProperty('emails');
      expect(user).not.toHaveProperty('name');
      const excluded = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "L001"')}&excludedAttributes=emails,title`);
      const [other] = excluded.body.Resources ?? [];
      expect(other).toMatchObject({ userName: 'L001', name: { givenName: 'GivenL001' } });
      expect(other).not.toHaveProperty('emails');
      expect(other).not.toHaveProperty('title');
    });

    it('refuses a filter on an attribute it cannot filter and bad filter syntax', async () => {
      const unknown = await scim('GET', `/Users?filter=${encodeURIComponent('nickName eq "x"')}`);
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ scimType: 'invalidFilter', detail: expect.stringContaining('nickName') });
      const broken = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "x')}`);
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ scimType: 'invalidFilter' });
    });
  });

  describe('PATCH', () => {
    it('adds, replaces and removes, including a value path, as one synced record', async () => {
      const id = idOf(await create('P100'));
      const reply = await scim('PATCH', `/Users/${id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'replace', path: 'title', value: 'Staff Engineer' },
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'p.100@example.com' },
          { op: 'add', path: `${ENTERPRISE}:division`, value: 'R&D' },
          { op: 'remove', path: `${ENTERPRISE}:manager` },
        ],
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('W/"2"');
      expect(reply.body).toMatchObject({
        title: 'Staff Engineer',
        emails: [{ value: 'p.100@example.com' }],
        [ENTERPRISE]: { division: 'R&D' },
      });
      const changes = await directory.changes(id);
      expect(changes.map((change) => change.kind)).toEqual(['created', 'synced']);
      expect(changes[1]?.record.attributes).toMatchObject({
        title: 'Staff Engineer',
        email: 'p.100@example.com',
        managerEmployeeNumber: null,
        custom: { division: 'R&D' },
      });
    });

    it('treats active:false as a leaver, recording attribute changes sent along first', async () => {
      const id = idOf(await create('P200'));
      const reply = await scim('PATCH', `/Users/${id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { active: false, title: 'Former Engineer' } }],
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ active: false, title: 'Former Engineer' });
      expect((await directory.changes(id)).map((change) => change.kind)).toEqual(['created', 'synced', 'terminated']);
      expect((await directory.get(id))?.status).toBe('terminated');
    });

    it('answers 412 when If-Match is stale, and applies with the current ETag', async () => {
      const id = idOf(await create('P300'));
      const patch = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'title', value: 'Lead' }],
      };
      const stale = await scim('PATCH', `/Users/${id}`, patch, { 'if-match': 'W/"7"' });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ status: '412', detail: expect.stringContaining('If-Match') });
      expect(await directory.changes(id)).toHaveLength(1);
      const current = await scim('PATCH', `/Users/${id}`, patch, { 'if-match': 'W/"1"' });
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ title: 'Lead' });
    });
  });

  describe('PUT and DELETE', () => {
    it('replaces the whole user', async () => {
      const id = idOf(await create('R100'));
      const reply = await scim(
        'PUT',
        `/Users/${id}`,
        person('R100', { title: 'Manager', [TENURE]: { startDate: '2024-01-15', location: 'Lyon' } }),
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ title: 'Manager', [TENURE]: { location: 'Lyon', employmentType: 'employee' } });
      expect((await directory.get(id))?.record.attributes).toMatchObject({ title: 'Manager', location: 'Lyon' });
    });

    it('refuses to change the employee number (mutability) and a stale If-Match (412)', async () => {
      const id = idOf(await create('R200'));
      const renumbered = await scim('PUT', `/Users/${id}`, person('R201'));
      expect(renumbered.status).toBe(400);
      expect(renumbered.body).toMatchObject({ scimType: 'mutability', detail: expect.stringContaining('userName') });
      const stale = await scim('PUT', `/Users/${id}`, person('R200'), { 'if-match': '"9"' });
      expect(stale.status).toBe(412);
      expect(await directory.changes(id)).toHaveLength(1);
    });

    it('terminates on DELETE and keeps the identity', async () => {
      const id = idOf(await create('X100'));
      const reply = await scim('DELETE', `/Users/${id}`);
      expect(reply.status).toBe(204);
      expect((await directory.changes(id)).map((change) => change.kind)).toEqual(['created', 'terminated']);
      expect(await directory.get(id)).toMatchObject({ status: 'terminated', record: { active: false } });
    });
  });

  describe('invalid requests', () => {
    it('names the attribute and the problem', async () => {
      const reply = await scim('POST', '/Users', person('V100', { [TENURE]: { startDate: '15/01/2024' } }));
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        scimType: 'invalidValue',
        detail: expect.stringContaining(`${TENURE}:startDate: "15/01/2024" is not a date`),
      });
    });

    it('refuses a missing required name and a wrongly typed attribute', async () => {
      const noName = await scim('POST', '/Users', person('V200', { name: { givenName: 'Only' } }));
      expect(noName.body).toMatchObject({
        status: '400',
        scimType: 'invalidValue',
        detail: expect.stringContaining('name.familyName: is required'),
      });
      const badActive = await scim('POST', '/Users', person('V300', { active: 'yes' }));
      expect(badActive.status).toBe(400);
      expect(badActive.body).toMatchObject({ scimType: 'invalidValue', detail: expect.stringContaining('active') });
    });

    it('answers invalidSyntax for a body that is not JSON or not a User', async () => {
      const notJson = await scim('POST', '/Users', '{"userName": ');
      expect(notJson.status).toBe(400);
      expect(notJson.body).toMatchObject({ scimType: 'invalidSyntax' });
      const wrongSchema = await scim('POST', '/Users', { ...person('V400'), schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'] });
      expect(wrongSchema.status).toBe(400);
      expect(wrongSchema.body).toMatchObject({ scimType: 'invalidSyntax' });
    });
  });

  describe('authentication', () => {
    it('answers 401 with a SCIM error without a token or with a wrong one', async () => {
      for (const authorization of [undefined, 'Bearer nope', 'Basic dGVzdA==']) {
        const response = await fetch(`${base}/Users`, { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/scim+json');
        expect(response.headers.get('www-authenticate')).toContain('Bearer');
        expect(await response.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
      }
    });
  });

  describe('discovery', () => {
    it('describes the service provider truthfully', async () => {
      const reply = await scim('GET', '/ServiceProviderConfig');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        patch: { supported: true },
        bulk: { supported: false },
        sort: { supported: false },
        etag: { supported: true },
        filter: { supported: true, maxResults: 200 },
        authenticationSchemes: [{ type: 'oauthbearertoken' }],
      });
    });

    it('lists the User resource type with both extensions and serves their schemas', async () => {
      const types = await scim('GET', '/ResourceTypes');
      expect(types.body.Resources).toEqual([
        expect.objectContaining({
          name: 'User',
          endpoint: '/Users',
          schemaExtensions: [
            { schema: ENTERPRISE, required: false },
            { schema: TENURE, required: false },
          ],
        }),
      ]);
      const tenure = await scim('GET', `/Schemas/${TENURE}`);
      expect(tenure.status).toBe(200);
      expect((tenure.body['attributes'] as { name: string }[]).map((attribute) => attribute.name)).toEqual([
        'startDate',
        'terminationDate',
        'location',
        'employmentType',
      ]);
      const all = await scim('GET', '/Schemas');
      expect((all.body.Resources ?? []).map((schema) => schema['id'])).toEqual(expect.arrayContaining([ENTERPRISE, TENURE]));
    });
  });
});
