import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postGraphql } from './graphql-client';
import { GraphqlRequestError } from './graphql-error';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A real HTTP server on a free port standing in for the gateway. */
async function gateway(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

describe('GraphQL over HTTP to the gateway', () => {
  it('given a query, when it is posted, then the bearer token, query and variables arrive and the data comes back', async () => {
    const seen: { authorization?: string; body?: unknown } = {};
    const server = await gateway((request, body, response) => {
      seen.authorization = request.headers.authorization;
      seen.body = JSON.parse(body);
      json(response, 200, { data: { identityByEmployeeNumber: { displayName: 'Oliver Berg' } } });
    });
    try {
      const data = await postGraphql<{ identityByEmployeeNumber: { displayName: string } }>(
        server.url,
        'the-token',
        'query($n: String!) { x }',
        { n: '10010' },
      );

      expect(data.identityByEmployeeNumber.displayName).toBe('Oliver Berg');
      expect(seen).toEqual({ authorization: 'Bearer the-token', body: { query: 'query($n: String!) { x }', variables: { n: '10010' } } });
    } finally {
      await server.close();
    }
  });

  it('given a refusal, when the gateway answers with errors, then the first message, its code and the problems are kept', async () => {
    const server = await gateway((_request, _body, response) =>
      json(response, 200, {
        data: null,
        errors: [
          {
            message: 'a justification is required',
            extensions: { code: 'BAD_USER_INPUT', details: { field: 'justification', problems: [{ message: 'say why' }] } },
          },
        ],
      }),
    );
    try {
      const refusal = await postGraphql(server.url, 't', '{ x }').catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(GraphqlRequestError);
      expect(refusal).toMatchObject({ message: 'a justification is required', code: 'BAD_USER_INPUT', details: ['say why'] });
    } finally {
      await server.close();
    }
  });

  it('given an expired token, when the gateway answers 401, then the error is UNAUTHENTICATED', async () => {
    const server = await gateway((_request, _body, response) =>
      json(response, 401, { errors: [{ message: 'The access token has expired' }] }),
    );
    try {
      await expect(postGraphql(server.url, 't', '{ x }')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'The access token has expired',
      });
    } finally {
      await server.close();
    }
  });

  it('given an answer that is not GraphQL, when it arrives, then the error names the HTTP status', async () => {
    const server = await gateway((_request, _body, response) => response.writeHead(502).end('Bad gateway'));
    try {
      await expect(postGraphql(server.url, 't', '{ x }')).rejects.toMatchObject({ code: 'HTTP_502' });
    } finally {
      await server.close();
    }
  });

  it('given no gateway listening, when a query is posted, then the error says it could not be reached', async () => {
    const server = await gateway(() => undefined);
    await server.close();

    await expect(postGraphql(server.url, 't', '{ x }')).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('could not be reached'),
    });
  });
});
